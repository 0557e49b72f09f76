namespace Workflow.AppHost.Services;

/// <summary>
/// Runtime settings that only an environment variable can carry (the runtime reads them before
/// any configuration file), given to every service process the AppHost starts unless the AppHost
/// was itself given them. The container images carry the same settings
/// (<c>ContainerEnvironmentVariable</c> in services/Directory.Build.props); a test holds the two in line.
/// </summary>
public static class ServiceRuntime
{
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        // A 64 MB budget for the first generation instead of the default (about 17 MB here, sized
        // from the CPU's cache): a service allocates 14-22 MB a second under load, so collections
        // come every few seconds instead of every second, and each costs about the same (its cost
        // is what survives, not what was allocated). README, Benchmark: 29 collections instead of
        // 102 and half the pause time per GB allocated; about 45 MB more peak memory per service.
        ["DOTNET_GCgen0size"] = "0x4000000",
    };
}

namespace Workflow.AppHost.Broker;

/// <summary>The few Docker operations the launcher needs (the broker, the dashboard), through the docker command.</summary>
public static class Docker
{
    public static async Task<bool> IsRunningAsync() => (await Command.RunAsync("docker", ["info"], TimeSpan.FromSeconds(10))).ExitCode == 0;

    /// <summary>Whether the engine has the image, pulling it first when asked to.</summary>
    public static async Task<bool> HasImageAsync(string image, bool pull) =>
        (await Command.RunAsync("docker", ["image", "inspect", image], TimeSpan.FromSeconds(10))).ExitCode == 0
        || (pull && (await Command.RunAsync("docker", ["pull", image], TimeSpan.FromMinutes(3))).ExitCode == 0);

    /// <summary>Runs the image detached as a container of that name (replacing a leftover one), removed when it stops.</summary>
    public static async Task<(bool Started, string Output)> RunDetachedAsync(string name, IEnumerable<string> options, string image)
    {
        await RemoveAsync(name);
        var (exitCode, output) = await Command.RunAsync("docker", ["run", "-d", "--rm", "--name", name, .. options, image], TimeSpan.FromMinutes(1));
        return (exitCode == 0, output.Trim());
    }

    public static Task RemoveAsync(string name) => Command.RunAsync("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30));
}

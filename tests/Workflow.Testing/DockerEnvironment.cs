namespace Workflow.Testing;

/// <summary>
/// Settings Testcontainers needs on our machines, applied only when the caller has not set
/// them: Debian's engine answers API 1.41 at most, the reaper image cannot be pulled, and the
/// containers must be reached on loopback rather than the bridge gateway.
/// </summary>
public static class DockerEnvironment
{
    public static void ApplyDefaults()
    {
        Default("DOCKER_API_VERSION", "1.41");
        Default("TESTCONTAINERS_RYUK_DISABLED", "true");
        Default("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
    }

    private static void Default(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

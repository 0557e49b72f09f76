using Workflow.AppHost.Broker;

namespace Workflow.AppHost.Dashboard;

/// <summary>
/// The standalone Aspire dashboard, started in a container when Docker can run its image and no
/// OTLP endpoint was given: the services and the gateway then export traces, metrics and logs to
/// it. Its ports are published on loopback only, so it runs without a login token.
/// </summary>
public static class AspireDashboard
{
    public const string DefaultImage = "mcr.microsoft.com/dotnet/aspire-dashboard:9.5";

    /// <summary>
    /// Starts the dashboard when it should and can run; says why not otherwise. Called before the
    /// gateway is built, so the gateway's exporter sees the endpoint too.
    /// </summary>
    public static async Task AddAspireDashboardAsync(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AppHostOptions.Section).Get<AppHostOptions>() ?? new AppHostOptions();
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggers.CreateLogger(typeof(AspireDashboard));
        var mode = settings.Dashboard.ToLowerInvariant();
        if (mode == "off" || !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        var image = settings.DashboardImage;
        if (!await Docker.IsRunningAsync())
        {
            logger.LogInformation("Aspire dashboard not started: no Docker engine. Telemetry is exported when OTEL_EXPORTER_OTLP_ENDPOINT is set");
            return;
        }

        // Pulled only when asked for (on): a machine without a registry would wait for nothing at every start.
        if (!await Docker.HasImageAsync(image, pull: mode == "on"))
        {
            logger.LogInformation("Aspire dashboard not started: Docker has no image {Image} (docker pull it, or set AppHost__DashboardImage)", image);
            return;
        }

        var name = $"workflow-dashboard-{settings.DashboardPort}";
        var (started, output) = await Docker.RunDetachedAsync(name,
        [
            "-p", $"127.0.0.1:{settings.DashboardPort}:18888", "-p", $"127.0.0.1:{settings.DashboardOtlpPort}:18889",
            "-e", "DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true",
        ], image);
        if (!started)
        {
            logger.LogWarning("Aspire dashboard not started: docker run {Image} failed: {Output}", image, output);
            return;
        }

        // OTLP over gRPC; the services inherit the variable from this process.
        var endpoint = $"http://127.0.0.1:{settings.DashboardOtlpPort}";
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
        Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
        builder.Services.AddHostedService(_ => new RunningDashboard(name));
        logger.LogInformation("Aspire dashboard on http://localhost:{Port} (container {Name}), receiving OTLP on {Endpoint}", settings.DashboardPort, name, endpoint);
    }

    /// <summary>Removes the dashboard's container when the AppHost stops.</summary>
    private sealed class RunningDashboard(string container) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Docker.RemoveAsync(container);
    }
}

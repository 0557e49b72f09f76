using Workflow.AppHost.Broker;
using Workflow.AppHost.Services;
using Yarp.ReverseProxy.Configuration;

namespace Workflow.AppHost;

public static class AppHostExtensions
{
    public static WebApplicationBuilder AddAppHost(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AppHostOptions.Section);
        builder.Services.Configure<AppHostOptions>(section);
        var settings = section.Get<AppHostOptions>() ?? new AppHostOptions();

        // The one public address; each service stays reachable on its own loopback port too.
        builder.WebHost.UseUrls($"http://localhost:{settings.Port}");
        builder.Services.AddHttpClient();
        // Long enough for the services to finish in-flight messages and the broker to stop cleanly.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<SystemReadiness>();
        builder.Services.AddSingleton<BrokerLauncher>();
        builder.Services.AddHostedService<SystemLauncher>();
        builder.Services.AddReverseProxy().LoadFromMemory(Routes(), Clusters(settings));
        return builder;
    }

    public static WebApplication MapAppHostEndpoints(this WebApplication app)
    {
        app.MapGet("/health/ready", (SystemReadiness readiness) =>
            readiness.IsReady ? Results.Ok("ready") : Results.Problem(statusCode: 503, title: "Workflow is starting"));
        app.MapReverseProxy();
        return app;
    }

    private static List<RouteConfig> Routes() =>
        ServiceCatalog.All.SelectMany(s => s.PublicRoutes.Select(prefix => new RouteConfig
        {
            RouteId = $"{s.Name}{prefix.Replace('/', '-')}",
            ClusterId = s.Name,
            Match = new RouteMatch { Path = prefix + "/{**rest}" },
        })).ToList();

    private static List<ClusterConfig> Clusters(AppHostOptions settings) =>
        ServiceCatalog.All.Select((s, i) => new ClusterConfig
        {
            ClusterId = s.Name,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Name] = new() { Address = $"http://127.0.0.1:{settings.ServicePortBase + i}" },
            },
        }).ToList();
}

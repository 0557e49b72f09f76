using Workflow.AppHost.Broker;
using Workflow.AppHost.Services;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
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
        builder.AddGatewayTracing();
        return builder;
    }

    /// <summary>
    /// The gateway is every request's first hop, as an ingress is: it starts (and samples) the
    /// trace it hands on, so a document's journey is one recorded trace from the upload on,
    /// exported with the services' when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    private static void AddGatewayTracing(this WebApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "gateway"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = r => r.RequestUri?.AbsolutePath.StartsWith("/health", StringComparison.Ordinal) != true));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
    }

    public static WebApplication MapAppHostEndpoints(this WebApplication app)
    {
        app.MapGet("/health/ready", (SystemReadiness readiness) =>
            readiness.IsReady ? Results.Ok("ready") : Results.Problem(statusCode: 503, title: "Workflow is starting"));
        // One document for the whole public API, and an interactive page over it.
        app.MapGet("/openapi/v1.json", PublicApiDocument.GetAsync);
        app.MapScalarApiReference();
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

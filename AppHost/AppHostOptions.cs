namespace Workflow.AppHost;

/// <summary>Settings of the local launcher (section <c>AppHost</c>, or the command-line switches).</summary>
public sealed class AppHostOptions
{
    public const string Section = "AppHost";

    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--port"] = "AppHost:Port",
        ["--service-port-base"] = "AppHost:ServicePortBase",
        ["--data"] = "AppHost:DataDirectory",
        ["--rabbitmq-image"] = "AppHost:RabbitMqImage",
        ["--broker"] = "AppHost:Broker",
        ["--dashboard"] = "AppHost:Dashboard",
    };

    /// <summary>The one public address: every service's routes behind a reverse proxy.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>Services listen on loopback from this port up (ingest, extract, classify, route, notify).</summary>
    public int ServicePortBase { get; set; } = 5081;

    /// <summary>Databases, documents and the private broker node; <c>.workflow</c> in the repository by default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The RabbitMQ image to run when Docker is available.</summary>
    public string RabbitMqImage { get; set; } =
        Environment.GetEnvironmentVariable("WORKFLOW_RABBITMQ_IMAGE") ?? "rabbitmq:3.13-management";

    /// <summary>AMQP port of a broker the AppHost starts; its management UI listens on <see cref="BrokerManagementPort"/>.</summary>
    public int BrokerPort { get; set; } = 5672;

    public int BrokerManagementPort { get; set; } = 15672;

    /// <summary><c>auto</c> (existing, then Docker, then a local node), <c>docker</c> or <c>local</c>.</summary>
    public string Broker { get; set; } = "auto";

    /// <summary>
    /// The standalone Aspire dashboard: <c>auto</c> (started when Docker has its image and no
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set), <c>on</c> (also pulls the image), or <c>off</c>.
    /// </summary>
    public string Dashboard { get; set; } = "auto";

    public string DashboardImage { get; set; } =
        Environment.GetEnvironmentVariable("WORKFLOW_DASHBOARD_IMAGE") ?? Workflow.AppHost.Dashboard.AspireDashboard.DefaultImage;

    /// <summary>The dashboard's page; it receives OTLP (gRPC) on <see cref="DashboardOtlpPort"/>.</summary>
    public int DashboardPort { get; set; } = 18888;

    public int DashboardOtlpPort { get; set; } = 4317;
}

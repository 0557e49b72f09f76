namespace Workflow.AppHost.Services;

public static class ServiceCatalog
{
    /// <summary>The five services, in the order a document meets them.</summary>
    public static readonly IReadOnlyList<ServiceDefinition> All =
    [
        new("ingest", "Ingest", ["/v1/documents"]),
        new("extract", "Extract", []),
        new("classify", "Classify", []),
        new("route", "Route", ["/v1/reviews", "/v1/routing-rules"],
            new Dictionary<string, string> { ["Routing__RulesFile"] = "services/Route/routing-rules.json" }),
        new("notify", "Notify", ["/v1/webhooks"]),
    ];

    public static ServiceDefinition Named(string name) => All.Single(s => s.Name == name);
}

namespace Workflow.Route.Routing;

public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>The rules file (relative to the service's own directory, where the shipped one is); reloaded when it changes.</summary>
    public string RulesFile { get; set; } = "routing-rules.json";

    /// <summary>How often passed review deadlines are looked for.</summary>
    public TimeSpan DeadlineSweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}

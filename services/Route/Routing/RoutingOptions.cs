namespace Workflow.Route.Routing;

public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>Tried in order; the first that matches decides.</summary>
    public List<RoutingRule> Rules { get; set; } = [];

    /// <summary>Where a document goes when no rule matches.</summary>
    public string DefaultDepartment { get; set; } = "";
}

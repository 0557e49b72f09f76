namespace Workflow.Route.Routing;

/// <summary>
/// Sends documents of a category (any category when empty) with at least a given confidence
/// to a department.
/// </summary>
public sealed class RoutingRule
{
    public string Id { get; set; } = "";
    public string? Category { get; set; }
    public double MinConfidence { get; set; }
    public string Department { get; set; } = "";

    public bool Matches(string category, double confidence) =>
        (string.IsNullOrEmpty(Category) || string.Equals(Category, category, StringComparison.OrdinalIgnoreCase))
        && confidence >= MinConfidence;
}

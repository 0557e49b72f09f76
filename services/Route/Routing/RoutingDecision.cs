namespace Workflow.Route.Routing;

public sealed record RoutingDecision(string RuleId, string Department)
{
    public const string DefaultRuleId = "default";

    /// <summary>The decision when nobody reviewed the document before its deadline.</summary>
    public const string ReviewTimeoutRuleId = "review-timeout";
}

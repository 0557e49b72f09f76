namespace Workflow.Route.Routing;

/// <param name="RulesVersion">The version of the rule set that decided (<c>Routing:Version</c>).</param>
public sealed record RoutingDecision(string RuleId, string Department, string RulesVersion)
{
    public const string DefaultRuleId = "default";

    /// <summary>The decision when nobody reviewed the document before its deadline.</summary>
    public const string ReviewTimeoutRuleId = "review-timeout";
}

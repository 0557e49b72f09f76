namespace Workflow.Route.Routing;

public sealed record RoutingDecision(string RuleId, string Department)
{
    public const string DefaultRuleId = "default";
}

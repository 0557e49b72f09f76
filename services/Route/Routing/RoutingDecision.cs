namespace Workflow.Route.Routing;

/// <summary>What the rules say about one document.</summary>
/// <param name="RulesVersion">The version of the rule set that decided.</param>
/// <param name="ReviewReason">Why a person must look first; null when the document can go straight on.</param>
public sealed record RoutingDecision(string RuleId, string Department, string RulesVersion, string? ReviewReason = null)
{
    public const string DefaultRuleId = "default";

    /// <summary>The decision when nobody reviewed the document before its second deadline.</summary>
    public const string ReviewTimeoutRuleId = "review-timeout";

    /// <summary>A reviewer chose another department than the rules proposed.</summary>
    public const string ReviewerRuleId = "reviewer";

    public bool NeedsReview => ReviewReason is not null;
}

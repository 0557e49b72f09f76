using System.Globalization;

namespace Workflow.Route.Routing;

/// <summary>Applies the rules in force to one document.</summary>
public sealed class RoutingTable(RoutingRules rules)
{
    public ReviewPolicy Review => rules.Current.Review;

    /// <summary>The first matching rule's department, and whether a person must confirm it first.</summary>
    /// <param name="reviewed">A person has already decided about this document: no second review.</param>
    public RoutingDecision Decide(DocumentFacts document, bool reviewed = false)
    {
        var set = rules.Current;
        var rule = set.Rules.FirstOrDefault(r => r.When.Match(document));
        var decision = rule is null
            ? new RoutingDecision(RoutingDecision.DefaultRuleId, set.DefaultDepartment, set.Version)
            : new RoutingDecision(rule.Id, rule.Department, set.Version);
        return reviewed ? decision : decision with { ReviewReason = ReviewReason(set, rule, document.Confidence) };
    }

    public RoutingDecision ReviewTimedOut()
    {
        var set = rules.Current;
        return new RoutingDecision(RoutingDecision.ReviewTimeoutRuleId, FallbackDepartment(set), set.Version);
    }

    public string FallbackDepartment() => FallbackDepartment(rules.Current);

    private static string FallbackDepartment(RoutingRuleSet set) =>
        string.IsNullOrWhiteSpace(set.Review.FallbackDepartment) ? set.DefaultDepartment : set.Review.FallbackDepartment;

    private static string? ReviewReason(RoutingRuleSet set, RoutingRule? rule, double confidence)
    {
        if (rule is { Review: true })
        {
            return $"Rule '{rule.Id}' sends every document it matches to review.";
        }

        var threshold = rule?.ReviewBelowConfidence ?? set.Review.BelowConfidence;
        return confidence < threshold
            ? string.Create(CultureInfo.InvariantCulture, $"Confidence {confidence:0.###} is below the review threshold {threshold:0.###}.")
            : null;
    }
}

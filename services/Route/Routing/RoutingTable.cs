using Microsoft.Extensions.Options;

namespace Workflow.Route.Routing;

/// <summary>Applies the current rules; a change to the configuration takes effect without a restart.</summary>
public sealed class RoutingTable(IOptionsMonitor<RoutingOptions> options)
{
    public bool NeedsReview(double confidence) => confidence < options.CurrentValue.ReviewBelowConfidence;

    public TimeSpan ReviewTimeout => options.CurrentValue.ReviewTimeout;

    public RoutingDecision ReviewTimedOut()
    {
        var current = options.CurrentValue;
        return new RoutingDecision(RoutingDecision.ReviewTimeoutRuleId,
            string.IsNullOrWhiteSpace(current.ReviewFallbackDepartment) ? current.DefaultDepartment : current.ReviewFallbackDepartment, current.Version);
    }

    public RoutingDecision Decide(string category, double confidence)
    {
        var current = options.CurrentValue;
        var rule = current.Rules.FirstOrDefault(r => r.Matches(category, confidence));
        return rule is null
            ? new RoutingDecision(RoutingDecision.DefaultRuleId, current.DefaultDepartment, current.Version)
            : new RoutingDecision(rule.Id, rule.Department, current.Version);
    }
}

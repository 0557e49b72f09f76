namespace Workflow.Route.Routing;

/// <summary>
/// The routing rules as an operator writes them in the rules file (JSON, camelCase, comments
/// allowed): tried in order, the first rule whose conditions all hold decides the department.
/// </summary>
public sealed record RoutingRuleSet
{
    /// <summary>Recorded with every decision the set makes; change it with the rules.</summary>
    public string Version { get; init; } = "";

    /// <summary>Where a document goes when no rule matches.</summary>
    public string DefaultDepartment { get; init; } = "";

    public ReviewPolicy Review { get; init; } = new();

    public IReadOnlyList<RoutingRule> Rules { get; init; } = [];
}

/// <summary>When a person must look at a document first, and what happens when nobody does.</summary>
public sealed record ReviewPolicy
{
    /// <summary>Documents classified with less confidence wait for review (0: never), unless their rule says otherwise.</summary>
    public double BelowConfidence { get; init; }

    /// <summary>How long a document waits for a decision before it is escalated.</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long an escalated document waits before it goes to <see cref="FallbackDepartment"/>.</summary>
    public TimeSpan EscalationDeadline { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Where a document goes when nobody decided in time (the default department when empty).</summary>
    public string? FallbackDepartment { get; init; }
}

public sealed record RoutingRule
{
    public string Id { get; init; } = "";
    public string Department { get; init; } = "";
    public RuleConditions When { get; init; } = new();

    /// <summary>Every document this rule matches waits for review, however confident the classifier was.</summary>
    public bool Review { get; init; }

    /// <summary>This rule's own review threshold, instead of <see cref="ReviewPolicy.BelowConfidence"/>.</summary>
    public double? ReviewBelowConfidence { get; init; }
}

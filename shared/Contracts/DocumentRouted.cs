namespace Workflow.Contracts;

/// <summary>Route has sent the document to a department.</summary>
public record DocumentRouted
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Department { get; init; }
    public required string Category { get; init; }
    public double Confidence { get; init; }

    /// <summary>The rule that matched, or <c>default</c> when none did.</summary>
    public required string RuleId { get; init; }

    /// <summary>The version of the rule set that decided.</summary>
    public string RulesVersion { get; init; } = "";

    public DateTimeOffset RoutedAt { get; init; }

    /// <summary>Set when a person decided (or nobody did in time): see <see cref="ReviewDecisions"/>.</summary>
    public ReviewOutcome? Review { get; init; }
}

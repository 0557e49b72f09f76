namespace Workflow.Contracts;

/// <summary>Route is not sure enough: the document waits for a person until the deadline.</summary>
public record DocumentAwaitingReview
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Category { get; init; }
    public double Confidence { get; init; }
    public DateTimeOffset ReviewDeadline { get; init; }
    public required string Reason { get; init; }

    /// <summary>Where the rules would send it, and which rule said so.</summary>
    public string? ProposedDepartment { get; init; }
    public string? RuleId { get; init; }
}

namespace Workflow.Contracts;

/// <summary>A reviewer rejected the document: it is not routed anywhere. A terminal state.</summary>
public record DocumentRejected
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Category { get; init; }
    public double Confidence { get; init; }
    public required ReviewOutcome Review { get; init; }
    public DateTimeOffset RejectedAt { get; init; }
}

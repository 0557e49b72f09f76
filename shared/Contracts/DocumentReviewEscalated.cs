namespace Workflow.Contracts;

/// <summary>Nobody reviewed the document before its first deadline; after the next one it goes to the fallback department.</summary>
public record DocumentReviewEscalated
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Category { get; init; }
    public double Confidence { get; init; }
    public DateTimeOffset EscalatedAt { get; init; }
    public DateTimeOffset FallbackDeadline { get; init; }
    public required string FallbackDepartment { get; init; }
}

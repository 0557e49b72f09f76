namespace Workflow.Contracts;

/// <summary>A step could not process a document. The document stops here, with the reason.</summary>
public record DocumentProcessingFailed
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    /// <summary>The step that failed: one of <see cref="ProcessingSteps"/>.</summary>
    public required string Step { get; init; }

    public required string Reason { get; init; }
    public DateTimeOffset FailedAt { get; init; }
}

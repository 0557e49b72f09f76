namespace Workflow.Contracts;

/// <summary>
/// A document whose uploader gave a callback URL has reached a terminal status (Completed,
/// Rejected or Failed). Published by ingest, which tracks every document's status; notify makes
/// the signed call. A failed document that recovers after a re-drive reaches another terminal
/// status later, and its uploader is called again.
/// </summary>
public record DocumentCallbackDue
{
    public required Guid DocumentId { get; init; }
    public string? TenantId { get; init; }
    public required string CallbackUrl { get; init; }

    /// <summary>Completed, Rejected or Failed.</summary>
    public required string Status { get; init; }

    public string? FileName { get; init; }
    public string? ExternalRef { get; init; }
    public string? Category { get; init; }
    public double? Confidence { get; init; }
    public string? Department { get; init; }

    /// <summary>For Failed: the step that failed and why.</summary>
    public string? FailedStep { get; init; }
    public string? FailureReason { get; init; }

    public DateTimeOffset At { get; init; }
}

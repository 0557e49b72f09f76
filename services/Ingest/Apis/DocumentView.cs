using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Apis;

/// <summary>What <c>GET /v1/documents/{id}</c> answers.</summary>
public sealed record DocumentView(
    Guid DocumentId,
    string FileName,
    string? ContentType,
    long SizeBytes,
    string Status,
    string? Category,
    double? Confidence,
    string? Department,
    DocumentFailure? Failure,
    DocumentNotifications? Notifications,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static DocumentView From(Document d) => new(
        d.Id, d.FileName, d.ContentType, d.SizeBytes, d.Status.ToString(), d.Category, d.Confidence, d.Department,
        d.FailureReason is null ? null : new DocumentFailure(d.FailedStep ?? "unknown", d.FailureReason),
        d.NotificationsDelivered is { } delivered ? new DocumentNotifications(delivered, d.NotificationsFailed ?? 0) : null,
        d.CreatedAt, d.UpdatedAt);

    /// <summary>How many seconds until polling again is worth it; none once the document is finished.</summary>
    public static int? PollAgainAfter(DocumentStatus status) => status switch
    {
        _ when status.IsTerminal() => null,
        // A person decides: minutes, not milliseconds.
        DocumentStatus.AwaitingReview => 60,
        _ => 1,
    };
}

public sealed record DocumentFailure(string Step, string Reason);

/// <summary>How the deliveries of a completed document ended: delivered, or dead after their last attempt.</summary>
public sealed record DocumentNotifications(int Delivered, int Failed);

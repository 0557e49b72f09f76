using Workflow.Contracts;

namespace Workflow.Ingest.Documents;

/// <summary>
/// Ingest's read model of a document: what the user sees when asking "where is my document?".
/// Events may arrive in any order and more than once; the status only ever moves forward.
/// </summary>
public sealed class Document
{
    public Guid Id { get; init; }
    public string FileName { get; private set; } = "";
    public string? ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string? Source { get; private set; }
    public string? ExternalRef { get; private set; }
    public string? StorageKey { get; private set; }
    public DocumentStatus Status { get; private set; }
    public string? Category { get; private set; }
    public double? Confidence { get; private set; }
    public string? Department { get; private set; }
    public string? FailedStep { get; private set; }

    /// <summary>Once completed: notify's deliveries (webhooks, e-mail) that arrived, and those that died.</summary>
    public int? NotificationsDelivered { get; private set; }
    public int? NotificationsFailed { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: two updates of one document never both win.</summary>
    public int Version { get; private set; }

    public static Document Received(
        Guid id, string fileName, string? contentType, long sizeBytes, string? source, string? externalRef,
        string? storageKey, DateTimeOffset at)
    {
        var document = new Document { Id = id, CreatedAt = at, UpdatedAt = at };
        document.Describe(fileName, contentType, sizeBytes, source, externalRef, storageKey);
        return document;
    }

    /// <summary>A document we hear about from a later step before its upload event arrived.</summary>
    public static Document Placeholder(Guid id, DateTimeOffset at) => new() { Id = id, CreatedAt = at, UpdatedAt = at };

    public void Describe(
        string fileName, string? contentType, long sizeBytes, string? source, string? externalRef, string? storageKey)
    {
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Source = source;
        ExternalRef = externalRef;
        StorageKey ??= storageKey;
        Version++;
    }

    public bool IsDescribed => FileName.Length > 0;

    public void Extracted(DateTimeOffset at) => MoveTo(DocumentStatus.Extracted, at);

    public void Classified(string category, double confidence, DateTimeOffset at) =>
        Decided(category, confidence, department: null, DocumentStatus.Classified, at);

    public void AwaitingReview(string category, double confidence, DateTimeOffset at) =>
        Decided(category, confidence, department: null, DocumentStatus.AwaitingReview, at);

    public void Routed(string category, double confidence, string department, DateTimeOffset at) =>
        Decided(category, confidence, department, DocumentStatus.Routed, at);

    public void Completed(string category, double confidence, string department, int delivered, int failed, DateTimeOffset at)
    {
        NotificationsDelivered = delivered;
        NotificationsFailed = failed;
        Decided(category, confidence, department, DocumentStatus.Completed, at);
    }

    /// <summary>A reviewer decided it goes nowhere: final, like a failure, but nobody's fault.</summary>
    public void Rejected(string category, double confidence, DateTimeOffset at) =>
        Decided(category, confidence, department: null, DocumentStatus.Rejected, at);

    public void Failed(string step, string reason, DateTimeOffset at)
    {
        if (IsFinished)
        {
            return;
        }

        FailedStep = step;
        FailureReason = reason;
        Status = DocumentStatus.Failed;
        Touch(at);
    }

    public bool IsFinished => Status is DocumentStatus.Completed or DocumentStatus.Failed or DocumentStatus.Rejected;

    /// <summary>Each event repeats the decisions made so far, so it fills them in whatever order it arrives.</summary>
    private void Decided(string category, double confidence, string? department, DocumentStatus next, DateTimeOffset at)
    {
        Category = category;
        Confidence = confidence;
        Department = department ?? Department;
        MoveTo(next, at);
    }

    private void MoveTo(DocumentStatus next, DateTimeOffset at)
    {
        if (Status == DocumentStatus.Failed && next >= SuccessOf(FailedStep))
        {
            // The failed step succeeded after all (its message was fixed and re-driven): carry on.
            FailedStep = null;
            FailureReason = null;
            Status = next;
        }
        else if (!IsFinished && next > Status)
        {
            Status = next;
        }

        Touch(at);
    }

    /// <summary>The status a step's success leads to; a failure there is cleared only by it or a later one.</summary>
    private static DocumentStatus SuccessOf(string? step) => step switch
    {
        ProcessingSteps.Extract => DocumentStatus.Extracted,
        ProcessingSteps.Classify => DocumentStatus.Classified,
        ProcessingSteps.Route => DocumentStatus.Routed,
        ProcessingSteps.Notify => DocumentStatus.Completed,
        _ => (DocumentStatus)int.MaxValue,
    };

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
        Version++;
    }
}

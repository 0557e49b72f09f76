using MassTransit;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Messaging.Durable.Sagas;

namespace Workflow.Ingest.Documents;

/// <summary>
/// What the user sees when asking "where is my document?": its upload, the decisions made about
/// it, and its status. A persisted saga instance: <see cref="DocumentStatusStateMachine"/> moves
/// it through the journey; the upload (API or broker) creates it in <c>Received</c>.
/// </summary>
public sealed class Document : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public Guid Id => CorrelationId;

    /// <summary>The state machine's state: a <see cref="DocumentStatus"/> name (stored in the Status column).</summary>
    public string CurrentState { get; set; } = nameof(DocumentStatus.Received);

    public DocumentStatus Status => Enum.TryParse<DocumentStatus>(CurrentState, out var status) ? status : DocumentStatus.Received;

    /// <summary>Only keys of this tenant see the document.</summary>
    public string TenantId { get; private set; } = Tenants.Default;

    public string FileName { get; private set; } = "";
    public string? ContentType { get; private set; }
    public long SizeBytes { get; private set; }
    public string? Source { get; private set; }
    public string? ExternalRef { get; private set; }
    public string? StorageKey { get; private set; }

    /// <summary>Called (through notify) when the document reaches a terminal status; see <see cref="DocumentCallbackDue"/>.</summary>
    public string? CallbackUrl { get; private set; }
    public string? Category { get; private set; }
    public double? Confidence { get; private set; }
    public string? Department { get; private set; }
    public string? FailedStep { get; private set; }

    /// <summary>Once completed: notify's deliveries (webhooks, e-mail) that arrived, and those that died.</summary>
    public int? NotificationsDelivered { get; private set; }
    public int? NotificationsFailed { get; private set; }
    public string? FailureReason { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: two updates of one document never both win.</summary>
    public int Version { get; set; }

    public static Document Received(
        Guid id, string tenantId, string fileName, string? contentType, long sizeBytes, string? source, string? externalRef,
        string? storageKey, string? callbackUrl, DateTimeOffset at)
    {
        var document = new Document { CorrelationId = id, TenantId = tenantId, CreatedAt = at, UpdatedAt = at };
        document.Describe(fileName, contentType, sizeBytes, source, externalRef, storageKey, callbackUrl);
        return document;
    }

    public void Describe(
        string fileName, string? contentType, long sizeBytes, string? source, string? externalRef, string? storageKey, string? callbackUrl)
    {
        CallbackUrl = callbackUrl;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Source = source;
        ExternalRef = externalRef;
        StorageKey ??= storageKey;
    }

    public bool IsDescribed => FileName.Length > 0;

    /// <summary>A document first heard of from a later step's event learns its tenant from it.</summary>
    public void BelongsTo(string? tenantId)
    {
        if (!IsDescribed && tenantId is not null)
        {
            TenantId = tenantId;
        }
    }

    /// <summary>Each event repeats the decisions made so far, so the one that moves the document fills them in.</summary>
    public void Decided(string category, double confidence, string? department)
    {
        Category = category;
        Confidence = confidence;
        Department = department ?? Department;
    }

    public void Delivered(int delivered, int failed)
    {
        NotificationsDelivered = delivered;
        NotificationsFailed = failed;
    }

    public void Failed(string step, string reason)
    {
        FailedStep = step;
        FailureReason = reason;
    }

    /// <summary>The failed step succeeded after all (its message was fixed and re-driven).</summary>
    public void Recovered()
    {
        FailedStep = null;
        FailureReason = null;
    }

    public void Touch(DateTimeOffset at)
    {
        if (CreatedAt == default)
        {
            CreatedAt = at;
        }

        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
    }
}

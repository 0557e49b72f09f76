namespace Workflow.Notify.Data;

/// <summary>
/// One message to one recipient (a webhook subscription or an e-mail address), tried until it
/// is delivered or its attempts run out. Its id is the receiver's deduplication key.
/// </summary>
public sealed class Delivery
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }

    /// <summary>The document's tenant: its callbacks are signed with the tenant's callback secret.</summary>
    public string TenantId { get; init; } = Workflow.Contracts.Tenants.Default;

    /// <summary><see cref="DeliveryChannels"/>.</summary>
    public string Channel { get; init; } = "";

    /// <summary>For webhooks: the subscription (its URL and secret are read at each attempt). None for callbacks and e-mail.</summary>
    public Guid? SubscriptionId { get; init; }

    /// <summary>The URL or e-mail address.</summary>
    public string Recipient { get; init; } = "";

    /// <summary><see cref="WebhookEventTypes"/>.</summary>
    public string EventType { get; init; } = "";

    /// <summary>The webhook body, or the e-mail as JSON (subject and text).</summary>
    public string Payload { get; init; } = "";

    public DeliveryStatus Status { get; set; }
    /// <summary>Attempts made, over the delivery's whole life.</summary>
    public int Attempts { get; set; }

    /// <summary>It is dead when <see cref="Attempts"/> reaches this; a re-drive grants a new round.</summary>
    public int AttemptsAllowed { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Its outcome decides when the document is complete (the notices of its routing do; others do not).</summary>
    public bool CompletesDocument { get; init; }

    /// <summary>W3C trace context of the work that planned it, so its attempts (and the completion they lead to) join the document's trace.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Version { get; set; }

    public List<DeliveryAttempt> AttemptLog { get; init; } = [];
}

public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Dead = 2,
}

public static class DeliveryChannels
{
    public const string Webhook = "webhook";
    public const string Email = "email";

    /// <summary>The call an uploader asked for (<c>callbackUrl</c>) when its document finished.</summary>
    public const string Callback = "callback";
}

/// <summary>What a webhook subscriber can ask for.</summary>
public static class WebhookEventTypes
{
    public const string Routed = "document.routed";
    public const string Completed = "document.completed";
    public const string Rejected = "document.rejected";
    public const string ReviewEscalated = "document.review-escalated";

    /// <summary>Every event type.</summary>
    public const string All = "*";

    public static readonly IReadOnlyList<string> Known = [Routed, Completed, Rejected, ReviewEscalated];

    /// <summary>The type of a document callback: the document reached a terminal status (Completed, Rejected or Failed, in <c>data.status</c>).</summary>
    public const string Finished = "document.finished";
}

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>An event committed with the state that caused it, waiting for the relay to publish it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }

    /// <summary>The contract's full type name (only Workflow.Contracts types are published).</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    /// <summary>W3C trace context of the work that produced it, so the trace continues across the relay.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Which relay pass holds it, and until when (a lease: a crashed relay's rows are taken over).</summary>
    public Guid? LockToken { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}

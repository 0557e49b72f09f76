namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>A message a consumer has processed: its effect is committed, a repeat is dropped.</summary>
public sealed class InboxMessage
{
    public required string MessageId { get; init; }

    /// <summary>The queue (one consumer per queue) that processed it.</summary>
    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>A message in one of this service's error queues, with why it got there.</summary>
public sealed record FailedMessage(string Queue, string? MessageId, string? MessageType, string? Reason, string? ExceptionType, string? FaultedAt);

using System.Diagnostics;
using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>What every unit of work asks of a consumed message, and how it counts the outcome.</summary>
public static class ConsumedMessages
{
    public const string Processed = "processed";
    public const string Duplicate = "duplicate";

    /// <summary>An attempt that failed: it is retried, or in the end goes to the error queue.</summary>
    public const string Failed = "failed";

    /// <summary>The inbox key: the MessageId, or for a raw message without one, a hash of its body (the same bytes are the same message).</summary>
    public static string IdOf(ConsumeContext context) =>
        context.MessageId?.ToString("N")
        ?? Convert.ToHexStringLower(SHA256.HashData(context.ReceiveContext.Body.GetBytes()))[..32];

    /// <summary>The queue the message was consumed from: the inbox's consumer.</summary>
    public static string QueueOf(ConsumeContext context) => context.ReceiveContext.InputAddress.Segments[^1];

    /// <summary>Counts a message processed, dropped as a repeat, or an attempt that failed; a processed one also records how long its step took.</summary>
    public static void Count(string consumer, string messageType, string outcome, long? started = null)
    {
        var tags = new TagList { { "workflow.consumer", consumer }, { "workflow.message_type", messageType }, { "workflow.outcome", outcome } };
        WorkflowMetrics.MessagesConsumed.Add(1, tags);
        if (started is { } at)
        {
            WorkflowMetrics.StepDuration.Record(Stopwatch.GetElapsedTime(at).TotalMilliseconds, tags);
        }
    }

    /// <summary>Logs and counts a message dropped as a repeat of one already processed (the log line the fault tests look for).</summary>
    public static void DroppedRepeat(ILogger logger, string consumer, string messageType, string messageId)
    {
        logger.LogInformation("Dropped a repeat of {MessageType} {MessageId} on {Consumer}", messageType, messageId, consumer);
        Count(consumer, messageType, Duplicate);
    }
}

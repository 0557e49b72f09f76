using System.Diagnostics.Metrics;

namespace Workflow.ServiceDefaults.Telemetry;

/// <summary>
/// The product's own instruments (meter <c>Workflow</c>), beside MassTransit's and ASP.NET Core's.
/// Tags are low-cardinality by design: no document ids, no failure texts.
/// </summary>
public static class WorkflowMetrics
{
    public const string MeterName = "Workflow";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages a service consumed: <c>outcome</c> is <c>processed</c>, or <c>duplicate</c> when the inbox dropped a repeat.</summary>
    public static readonly Counter<long> MessagesConsumed = Meter.CreateCounter<long>("workflow.messages.consumed", "{message}");

    /// <summary>How long one step took with one message, its unit of work included.</summary>
    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("workflow.step.duration", "ms");

    /// <summary>How long committed events waited in the outbox before the broker had them (the outbox's age).</summary>
    public static readonly Histogram<double> OutboxDelay = Meter.CreateHistogram<double>("workflow.outbox.delay", "ms");

    /// <summary>Events the relay could not publish yet: they stay in the outbox (its backlog grows).</summary>
    public static readonly Counter<long> OutboxPublishFailures = Meter.CreateCounter<long>("workflow.outbox.publish_failures", "{event}");

    private static long _outboxWaiting;
    private static double _outboxOldestAge;

    /// <summary>Committed events waiting for the relay, measured every few seconds.</summary>
    public static readonly ObservableGauge<long> OutboxBacklog =
        Meter.CreateObservableGauge("workflow.outbox.backlog", () => Interlocked.Read(ref _outboxWaiting), "{event}");

    /// <summary>How long the oldest waiting event has waited.</summary>
    public static readonly ObservableGauge<double> OutboxOldestAge =
        Meter.CreateObservableGauge("workflow.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestAge), "s");

    public static void ReportOutbox(long waiting, double oldestAgeSeconds)
    {
        Interlocked.Exchange(ref _outboxWaiting, waiting);
        Volatile.Write(ref _outboxOldestAge, oldestAgeSeconds);
    }

    /// <summary>Documents reaching a status (<c>status</c> tag).</summary>
    public static readonly Counter<long> DocumentsByStatus = Meter.CreateCounter<long>("workflow.documents", "{document}");

    /// <summary>Upload accepted → Completed.</summary>
    public static readonly Histogram<double> EndToEndDuration = Meter.CreateHistogram<double>("workflow.document.duration", "s");

    /// <summary>Status events committed together by one group commit of ingest's status writer.</summary>
    public static readonly Histogram<long> StatusGroupSize = Meter.CreateHistogram<long>("workflow.status.group_size", "{event}");

    /// <summary>Documents that failed, by step.</summary>
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("workflow.documents.failed", "{document}");

    /// <summary>Delivery attempts by channel (webhook, email) and outcome (delivered, retry, dead).</summary>
    public static readonly Counter<long> DeliveryAttempts = Meter.CreateCounter<long>("workflow.deliveries.attempts", "{attempt}");

    /// <summary>The confidence of each classification, by classifier.</summary>
    public static readonly Histogram<double> ClassificationConfidence = Meter.CreateHistogram<double>("workflow.classification.confidence");
}

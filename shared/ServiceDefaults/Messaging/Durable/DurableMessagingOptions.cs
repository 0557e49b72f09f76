namespace Workflow.ServiceDefaults.Messaging.Durable;

public sealed class DurableMessagingOptions
{
    public const string Section = "Messaging:Durable";

    /// <summary>Most events the relay claims and publishes in one pass.</summary>
    public int RelayBatchSize { get; set; } = 200;

    /// <summary>How often the relay looks for rows when nobody signalled (other replicas' commits, leftovers).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed batch is reserved; a relay that dies loses its claim after this.</summary>
    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the relay waits for RabbitMQ to confirm one event before it gives up on that
    /// attempt (the row stays and is published again). Without a bound, one publish that never
    /// completes (a broker that blocks publishers on a resource alarm, or RabbitMQ.Client 7.2's
    /// publishes that hang across a broker restart) would stop the service's relay for good.
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long processed message ids are remembered to drop repeats.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Test-only fault injection: the process dies abruptly after claiming committed events and
    /// before publishing them. Off unless configured; never set it in production.
    /// </summary>
    public bool CrashBeforePublish { get; set; }
}

namespace Workflow.Notify.Deliveries;

public sealed class DeliveryOptions
{
    public const string Section = "Notify:Delivery";

    /// <summary>Attempts before a delivery is dead (the first one included).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; doubled for each further one, with jitter.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often due deliveries are looked for when nothing new was committed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries tried at once by one replica.</summary>
    public int Parallelism { get; set; } = 8;
}

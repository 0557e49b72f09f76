namespace Workflow.Notify.Deliveries;

/// <summary>When to try a failed delivery again: exponential backoff with full jitter, or what the receiver asked for.</summary>
public static class RetrySchedule
{
    /// <param name="attempts">Attempts made so far (at least 1).</param>
    /// <param name="retryAfter">The receiver's Retry-After, honoured up to the maximum delay.</param>
    public static TimeSpan Next(DeliveryOptions options, int attempts, TimeSpan? retryAfter, Random random)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < options.MaxRetryDelay ? asked : options.MaxRetryDelay;
        }

        var ceiling = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        if (ceiling > options.MaxRetryDelay)
        {
            ceiling = options.MaxRetryDelay;
        }

        // Half fixed, half random: receivers recovering from an outage are not hit by every retry at once.
        return ceiling / 2 + ceiling / 2 * random.NextDouble();
    }
}

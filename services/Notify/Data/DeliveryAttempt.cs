namespace Workflow.Notify.Data;

/// <summary>One try of a delivery, for the delivery log.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public int Number { get; init; }
    public DateTimeOffset At { get; init; }
    public double DurationMs { get; init; }

    /// <summary>The receiver's HTTP status (webhooks) or SMTP reply code (e-mail), when it answered.</summary>
    public int? StatusCode { get; init; }

    public bool Succeeded { get; init; }
    public string? Error { get; init; }
}

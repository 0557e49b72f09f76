namespace Workflow.Contracts;

/// <summary>
/// Notify has told everyone who needed telling (each delivery delivered or dead): the document's journey is over. It repeats the
/// decisions made on the way, so a reader that sees it before the earlier events is complete.
/// </summary>
public record DocumentCompleted
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Category { get; init; }
    public double Confidence { get; init; }
    public required string Department { get; init; }
    /// <summary>Deliveries (webhooks, e-mails) the routing needed, and how they ended.</summary>
    public int NotificationCount { get; init; }

    public int NotificationsDelivered { get; init; }

    /// <summary>Dead after their last attempt (they can be re-driven; the document stays complete).</summary>
    public int NotificationsFailed { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}

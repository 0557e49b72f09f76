namespace Workflow.Contracts;

/// <summary>
/// Notify has told everyone who needed telling: the document's journey is over. It repeats the
/// decisions made on the way, so a reader that sees it before the earlier events is complete.
/// </summary>
public record DocumentCompleted
{
    public required Guid DocumentId { get; init; }
    public required string Category { get; init; }
    public double Confidence { get; init; }
    public required string Department { get; init; }
    public int NotificationCount { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}

namespace Workflow.Contracts;

/// <summary>Notify has told everyone who needed telling: the document's journey is over.</summary>
public record DocumentCompleted
{
    public required Guid DocumentId { get; init; }
    public required string Department { get; init; }
    public int NotificationCount { get; init; }
    public DateTimeOffset CompletedAt { get; init; }
}

namespace Workflow.Contracts;

/// <summary>
/// Nobody reviewed the document in time: the first deadline escalates, the second routes to the fallback. Published by route's deadline sweeper with a MessageId
/// derived from the document and the deadline, so a repeat of the sweep is recognised as such.
/// </summary>
public record ReviewDeadlinePassed
{
    public required Guid DocumentId { get; init; }
    public DateTimeOffset Deadline { get; init; }
}

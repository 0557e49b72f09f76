namespace Workflow.Contracts;

/// <summary>
/// A person has decided about a document awaiting review (route's <c>POST /v1/reviews/{id}/decision</c>
/// publishes it; route's routing state machine applies it if the document is still waiting).
/// </summary>
public record ReviewDecisionSubmitted
{
    public required Guid DocumentId { get; init; }

    /// <summary>One of <see cref="ReviewDecisions"/>.</summary>
    public required string Decision { get; init; }

    /// <summary>For <c>approve</c>: another department than the proposed one.</summary>
    public string? Department { get; init; }

    /// <summary>For <c>reclassify</c>: the right category; the rules then decide the department.</summary>
    public string? Category { get; init; }

    /// <summary>Who the reviewer says they are (a name for people to read).</summary>
    public required string Reviewer { get; init; }

    /// <summary>The API key the decision was sent with: who decided, as authenticated.</summary>
    public string? ReviewerKeyId { get; init; }

    public string? Comment { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
}

public static class ReviewDecisions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Reclassify = "reclassify";

    /// <summary>Not a person's decision: nobody decided before the second deadline.</summary>
    public const string TimedOut = "timed-out";

    public static readonly IReadOnlyList<string> ByPeople = [Approve, Reject, Reclassify];
}

/// <summary>How a review ended: who decided what (the name given and the API key that sent it), and why.</summary>
public sealed record ReviewOutcome(string Decision, string? Reviewer, string? Comment, DateTimeOffset DecidedAt, string? ReviewerKeyId = null);

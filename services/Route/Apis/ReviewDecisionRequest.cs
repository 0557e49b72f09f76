using Workflow.Contracts;

namespace Workflow.Route.Apis;

/// <summary>The body of <c>POST /v1/reviews/{documentId}/decision</c>.</summary>
/// <param name="Decision"><c>approve</c>, <c>reject</c> or <c>reclassify</c>.</param>
/// <param name="Department">approve: send it somewhere other than the proposal.</param>
/// <param name="Category">reclassify: the right category (required).</param>
/// <param name="Reviewer">Who decided (until API keys say who is calling).</param>
public sealed record ReviewDecisionRequest(string? Decision, string? Department, string? Category, string? Reviewer, string? Comment)
{
    private const int MaxNameLength = 100;
    private const int MaxReviewerLength = 200;
    private const int MaxCommentLength = 2000;

    /// <summary>Field name → what is wrong with it.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Decision is null || !ReviewDecisions.ByPeople.Contains(Decision))
        {
            problems["decision"] = [$"Must be one of: {string.Join(", ", ReviewDecisions.ByPeople)}."];
        }

        if (string.IsNullOrWhiteSpace(Reviewer) || Reviewer.Length > MaxReviewerLength)
        {
            problems["reviewer"] = [$"Required, at most {MaxReviewerLength} characters: who made the decision."];
        }

        if (Decision == ReviewDecisions.Reclassify && string.IsNullOrWhiteSpace(Category))
        {
            problems["category"] = ["Required when the decision is reclassify."];
        }

        if (Category is { Length: > MaxNameLength } || (Category is not null && Decision != ReviewDecisions.Reclassify))
        {
            problems["category"] = [$"Only for reclassify, at most {MaxNameLength} characters."];
        }

        if (Department is not null && (Department.Length > MaxNameLength || string.IsNullOrWhiteSpace(Department) || Decision == ReviewDecisions.Reject))
        {
            problems["department"] = [$"Not blank, at most {MaxNameLength} characters, and not with reject."];
        }

        if (Comment is { Length: > MaxCommentLength })
        {
            problems["comment"] = [$"At most {MaxCommentLength} characters."];
        }

        return problems;
    }

    public ReviewDecisionSubmitted ToMessage(Guid documentId, string reviewerKeyId, DateTimeOffset at) => new()
    {
        DocumentId = documentId,
        Decision = Decision!,
        Department = Department?.Trim(),
        Category = Category?.Trim(),
        Reviewer = Reviewer!.Trim(),
        ReviewerKeyId = reviewerKeyId,
        Comment = Comment,
        DecidedAt = at,
    };
}

using Workflow.Contracts;
using Workflow.Route.StateMachines;

namespace Workflow.Route.Apis;

/// <summary>What <c>GET /v1/reviews/{documentId}</c> answers.</summary>
/// <param name="Status"><c>pending</c>, <c>escalated</c> (both wait for a decision) or <c>decided</c>.</param>
/// <param name="Department">Proposed by the rules while pending; where the document went once decided.</param>
public sealed record ReviewView(
    Guid DocumentId,
    string Status,
    string Category,
    double Confidence,
    string Reason,
    string Department,
    string RuleId,
    string RulesVersion,
    DateTimeOffset RequestedAt,
    DateTimeOffset? Deadline,
    DateTimeOffset? EscalatedAt,
    ReviewOutcome? Decision)
{
    public const string Pending = "pending";
    public const string Escalated = "escalated";
    public const string Decided = "decided";

    public static string StatusOf(DocumentRoutingState state) => state.CurrentState switch
    {
        nameof(DocumentRoutingStateMachine.AwaitingReview) => Pending,
        nameof(DocumentRoutingStateMachine.Escalated) => Escalated,
        _ => Decided,
    };

    public static ReviewView From(DocumentRoutingState state) => new(
        state.CorrelationId, StatusOf(state), state.Category, state.Confidence, state.ReviewReason ?? "", state.Department,
        state.RuleId, state.RulesVersion, state.ReviewRequestedAt ?? state.RoutedAt, state.ReviewDeadline, state.EscalatedAt, state.Review);
}

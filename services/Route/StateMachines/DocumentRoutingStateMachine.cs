using System.Text.Json;
using MassTransit;
using Workflow.Contracts;
using Workflow.Route.Routing;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.StateMachines;

/// <summary>
/// A classified document is routed by the first matching rule, or waits for a person when the
/// rules say so. A reviewer approves (optionally to another department), reclassifies (the
/// rules decide again) or rejects it. Nobody deciding before the deadline escalates it; nobody
/// deciding before the second deadline sends it to the fallback department. Every event leaves
/// through the outbox, committed with the state.
/// </summary>
public sealed class DocumentRoutingStateMachine : MassTransitStateMachine<DocumentRoutingState>
{
    public DocumentRoutingStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Classified, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => DeadlinePassed, e =>
        {
            e.CorrelateById(m => m.Message.DocumentId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => DecisionSubmitted, e =>
        {
            e.CorrelateById(m => m.Message.DocumentId);
            e.OnMissingInstance(m => m.Discard());
        });

        // One decision per document, with the rules in force when it was classified.
        Initially(When(Classified)
            .Then(Propose)
            .IfElse(context => context.Saga.ReviewReason is not null,
                review => review.Then(AwaitReview).TransitionTo(AwaitingReview),
                route => route.Then(context => Announce(context, Proposal(context.Saga))).TransitionTo(Routed)));

        During(AwaitingReview,
            When(DeadlinePassed).Then(Escalate).TransitionTo(Escalated));
        During(Escalated,
            When(DeadlinePassed).Then(RouteToFallback).TransitionTo(Routed));
        During(AwaitingReview, Escalated,
            When(DecisionSubmitted, context => context.Message.Decision == ReviewDecisions.Reject)
                .Then(Reject).TransitionTo(Rejected),
            When(DecisionSubmitted, context => context.Message.Decision != ReviewDecisions.Reject)
                .Then(RouteAsDecided).TransitionTo(Routed),
            Ignore(Classified));

        // Decided once: a repeated classification, a late deadline or a second decision changes nothing.
        During(Routed, Rejected, Ignore(Classified), Ignore(DeadlinePassed), Ignore(DecisionSubmitted));
    }

    /// <summary>The states in which a document waits for a person's decision (and has a deadline).</summary>
    public static readonly string[] WaitingForReview = [nameof(AwaitingReview), nameof(Escalated)];

    public State AwaitingReview { get; private set; } = null!;
    public State Escalated { get; private set; } = null!;
    public State Routed { get; private set; } = null!;
    public State Rejected { get; private set; } = null!;

    public Event<DocumentClassified> Classified { get; private set; } = null!;
    public Event<ReviewDeadlinePassed> DeadlinePassed { get; private set; } = null!;
    public Event<ReviewDecisionSubmitted> DecisionSubmitted { get; private set; } = null!;

    private static RoutingTable Table(ConsumeContext context) => context.GetServiceOrCreateInstance<RoutingTable>();

    /// <summary>Remembers what the rules may look at and what they propose (one reading of the rules in force).</summary>
    private static void Propose(BehaviorContext<DocumentRoutingState, DocumentClassified> context)
    {
        var (state, message) = (context.Saga, context.Message);
        state.TenantId = Tenants.Of(message.TenantId);
        state.Category = message.Category;
        state.Confidence = message.Confidence;
        state.Source = message.Source;
        state.Sender = message.Sender;
        state.EntitiesJson = JsonSerializer.Serialize(message.Entities, JsonSerializerOptions.Web);
        var proposal = Table(context).Decide(DocumentFacts.From(message));
        state.RuleId = proposal.RuleId;
        state.RulesVersion = proposal.RulesVersion;
        state.Department = proposal.Department;
        state.ReviewReason = proposal.ReviewReason;
    }

    private static RoutingDecision Proposal(DocumentRoutingState state) => new(state.RuleId, state.Department, state.RulesVersion);

    private static void AwaitReview(BehaviorContext<DocumentRoutingState, DocumentClassified> context)
    {
        var state = context.Saga;
        state.ReviewRequestedAt = context.Now();
        state.ReviewDeadline = state.ReviewRequestedAt + Table(context).Review.Deadline;
        context.Outbox().Publish(new DocumentAwaitingReview
        {
            DocumentId = state.CorrelationId,
            TenantId = state.TenantId,
            Category = state.Category,
            Confidence = state.Confidence,
            ReviewDeadline = state.ReviewDeadline.Value,
            Reason = state.ReviewReason!,
            ProposedDepartment = state.Department,
            RuleId = state.RuleId,
        });
    }

    private static void Escalate(BehaviorContext<DocumentRoutingState, ReviewDeadlinePassed> context)
    {
        var state = context.Saga;
        var table = Table(context);
        state.EscalatedAt = context.Now();
        state.ReviewDeadline = state.EscalatedAt + table.Review.EscalationDeadline;
        context.Outbox().Publish(new DocumentReviewEscalated
        {
            DocumentId = state.CorrelationId,
            TenantId = state.TenantId,
            Category = state.Category,
            Confidence = state.Confidence,
            EscalatedAt = state.EscalatedAt.Value,
            FallbackDeadline = state.ReviewDeadline.Value,
            FallbackDepartment = table.FallbackDepartment(),
        });
    }

    private static void RouteToFallback(BehaviorContext<DocumentRoutingState, ReviewDeadlinePassed> context)
    {
        var state = context.Saga;
        state.ReviewDeadline = null;
        state.ReviewDecision = ReviewDecisions.TimedOut;
        state.ReviewedAt = context.Now();
        Announce(context, Table(context).ReviewTimedOut());
    }

    private static void RouteAsDecided(BehaviorContext<DocumentRoutingState, ReviewDecisionSubmitted> context)
    {
        var (state, decision) = (context.Saga, context.Message);
        Reviewed(state, decision);
        RoutingDecision route;
        if (decision.Decision == ReviewDecisions.Reclassify && decision.Category is { } category)
        {
            // A person said what it is: the rules decide again, with full confidence and no second review.
            state.Category = category;
            state.Confidence = 1;
            route = Table(context).Decide(Facts(state), reviewed: true);
        }
        else
        {
            route = Proposal(state);
        }

        if (!string.IsNullOrWhiteSpace(decision.Department))
        {
            route = new RoutingDecision(RoutingDecision.ReviewerRuleId, decision.Department, route.RulesVersion);
        }

        Announce(context, route);
    }

    private static void Reject(BehaviorContext<DocumentRoutingState, ReviewDecisionSubmitted> context)
    {
        var state = context.Saga;
        Reviewed(state, context.Message);
        context.Outbox().Publish(new DocumentRejected
        {
            DocumentId = state.CorrelationId,
            TenantId = state.TenantId,
            Category = state.Category,
            Confidence = state.Confidence,
            Review = state.Review!,
            RejectedAt = state.ReviewedAt!.Value,
        });
    }

    private static void Reviewed(DocumentRoutingState state, ReviewDecisionSubmitted decision)
    {
        state.ReviewDeadline = null;
        state.ReviewDecision = decision.Decision;
        state.Reviewer = decision.Reviewer;
        state.ReviewerKeyId = decision.ReviewerKeyId;
        state.ReviewComment = decision.Comment;
        state.ReviewedAt = decision.DecidedAt;
    }

    private static DocumentFacts Facts(DocumentRoutingState state) => new(
        state.Category, state.Confidence, state.Source, state.Sender,
        state.EntitiesJson.Length == 0 ? [] : JsonSerializer.Deserialize<List<ExtractedEntity>>(state.EntitiesJson, JsonSerializerOptions.Web) ?? []);

    private static void Announce(BehaviorContext<DocumentRoutingState> context, RoutingDecision decision)
    {
        var state = context.Saga;
        state.RuleId = decision.RuleId;
        state.RulesVersion = decision.RulesVersion;
        state.Department = decision.Department;
        state.RoutedAt = context.Now();
        context.Outbox().Publish(new DocumentRouted
        {
            DocumentId = state.CorrelationId,
            TenantId = state.TenantId,
            Department = state.Department,
            Category = state.Category,
            Confidence = state.Confidence,
            RuleId = state.RuleId,
            RulesVersion = state.RulesVersion,
            RoutedAt = state.RoutedAt,
            Review = state.Review,
        });
    }
}

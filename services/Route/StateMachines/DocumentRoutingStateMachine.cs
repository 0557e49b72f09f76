using MassTransit;
using Workflow.Contracts;
using Workflow.Route.Routing;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.StateMachines;

/// <summary>
/// A classified document is routed by the first matching rule, or, when the classifier was not
/// sure enough, waits for review until a deadline and then goes to the fallback department.
/// Every event leaves through the outbox, committed with the state. (The review decisions
/// themselves join this machine in a later step.)
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

        // One decision per document: the rules may be reloaded at any moment.
        Initially(When(Classified).IfElse(context => Table(context).NeedsReview(context.Message.Confidence),
            review => review.Then(AwaitReview).TransitionTo(AwaitingReview),
            route => route.Then(Route).TransitionTo(Routed)));
        During(AwaitingReview,
            When(DeadlinePassed).Then(RouteAfterDeadline).TransitionTo(Routed),
            Ignore(Classified));
        // A document is routed once; a repeated classification or a late deadline changes nothing.
        During(Routed, Ignore(Classified), Ignore(DeadlinePassed));
    }

    public State AwaitingReview { get; private set; } = null!;
    public State Routed { get; private set; } = null!;

    public Event<DocumentClassified> Classified { get; private set; } = null!;
    public Event<ReviewDeadlinePassed> DeadlinePassed { get; private set; } = null!;

    private static RoutingTable Table(ConsumeContext context) => context.GetServiceOrCreateInstance<RoutingTable>();

    private static void Route(BehaviorContext<DocumentRoutingState, DocumentClassified> context)
    {
        context.Saga.Category = context.Message.Category;
        context.Saga.Confidence = context.Message.Confidence;
        Announce(context, Table(context).Decide(context.Message.Category, context.Message.Confidence));
    }

    private static void AwaitReview(BehaviorContext<DocumentRoutingState, DocumentClassified> context)
    {
        var state = context.Saga;
        state.Category = context.Message.Category;
        state.Confidence = context.Message.Confidence;
        state.ReviewDeadline = context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow() + Table(context).ReviewTimeout;
        context.GetServiceOrCreateInstance<EventOutbox>().Publish(new DocumentAwaitingReview
        {
            DocumentId = state.CorrelationId,
            Category = state.Category,
            Confidence = state.Confidence,
            ReviewDeadline = state.ReviewDeadline.Value,
            Reason = $"Confidence {state.Confidence:0.###} is below the review threshold.",
        });
    }

    private static void RouteAfterDeadline(BehaviorContext<DocumentRoutingState, ReviewDeadlinePassed> context)
    {
        context.Saga.ReviewDeadline = null;
        Announce(context, Table(context).ReviewTimedOut());
    }

    private static void Announce(BehaviorContext<DocumentRoutingState> context, RoutingDecision decision)
    {
        var state = context.Saga;
        state.RuleId = decision.RuleId;
        state.RulesVersion = decision.RulesVersion;
        state.Department = decision.Department;
        state.RoutedAt = context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
        context.GetServiceOrCreateInstance<EventOutbox>().Publish(new DocumentRouted
        {
            DocumentId = state.CorrelationId,
            Department = state.Department,
            Category = state.Category,
            Confidence = state.Confidence,
            RuleId = state.RuleId,
            RulesVersion = state.RulesVersion,
            RoutedAt = state.RoutedAt,
        });
    }
}

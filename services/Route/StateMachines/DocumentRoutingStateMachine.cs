using MassTransit;
using Workflow.Contracts;
using Workflow.Route.Routing;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.StateMachines;

/// <summary>
/// A classified document is routed by the first matching rule and announced with
/// <see cref="DocumentRouted"/> (through the outbox, committed with the state).
/// Human review and its deadlines join this machine in a later step.
/// </summary>
public sealed class DocumentRoutingStateMachine : MassTransitStateMachine<DocumentRoutingState>
{
    public DocumentRoutingStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Classified, e => e.CorrelateById(m => m.Message.DocumentId));

        Initially(When(Classified).Then(Route).TransitionTo(Routed));
        // A document is routed once; a repeated classification of a routed document changes nothing.
        During(Routed, Ignore(Classified));
    }

    public State Routed { get; private set; } = null!;

    public Event<DocumentClassified> Classified { get; private set; } = null!;

    private static void Route(BehaviorContext<DocumentRoutingState, DocumentClassified> context)
    {
        var decision = context.GetServiceOrCreateInstance<RoutingTable>().Decide(context.Message.Category, context.Message.Confidence);
        var state = context.Saga;
        state.Category = context.Message.Category;
        state.Confidence = context.Message.Confidence;
        state.RuleId = decision.RuleId;
        state.Department = decision.Department;
        state.RoutedAt = context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();

        context.GetServiceOrCreateInstance<EventOutbox>().Publish(new DocumentRouted
        {
            DocumentId = state.CorrelationId,
            Department = state.Department,
            Category = state.Category,
            Confidence = state.Confidence,
            RuleId = state.RuleId,
            RoutedAt = state.RoutedAt,
        });
    }
}

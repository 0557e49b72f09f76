using MassTransit;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.Ingest.Documents;

/// <summary>
/// A document's journey as ingest shows it: Received → Extracted → Classified → (AwaitingReview)
/// → Routed → Completed, or Rejected by a reviewer, or Failed at a step. Events about one
/// document can arrive in any order and more than once: each moves the document only from the
/// states before its own, so a late or repeated event never moves it back. A failed document
/// carries on when the step that failed (or a later one) succeeds after all, as after a re-drive.
/// Completed and Rejected are final. The first event ingest hears of a document (an upload
/// published straight to the broker can race its own extraction) creates the instance.
/// </summary>
public sealed class DocumentStatusStateMachine : MassTransitStateMachine<Document>
{
    public DocumentStatusStateMachine()
    {
        InstanceState(d => d.CurrentState);
        Event(() => TextExtracted, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => DocumentClassified, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => ReviewAwaited, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => DocumentRouted, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => DocumentCompleted, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => DocumentRejected, e => e.CorrelateById(m => m.Message.DocumentId));
        Event(() => ProcessingFailed, e => e.CorrelateById(m => m.Message.DocumentId));

        State[] journey = [Initial, Received, Extracted, Classified, AwaitingReview, Routed];
        // Every event carries the tenant: a document first heard of from a later step learns it there.
        Advance(TextExtracted, Extracted, journey, m => m.TenantId, (_, _) => { });
        Advance(DocumentClassified, Classified, journey, m => m.TenantId, (d, m) => d.Decided(m.Category, m.Confidence, null));
        Advance(ReviewAwaited, AwaitingReview, journey, m => m.TenantId, (d, m) => d.Decided(m.Category, m.Confidence, null));
        Advance(DocumentRouted, Routed, journey, m => m.TenantId, (d, m) => d.Decided(m.Category, m.Confidence, m.Department));
        Advance(DocumentCompleted, Completed, journey, m => m.TenantId, (d, m) =>
        {
            d.Decided(m.Category, m.Confidence, m.Department);
            d.Delivered(m.NotificationsDelivered, m.NotificationsFailed);
        });
        Advance(DocumentRejected, Rejected, journey[..^1], m => m.TenantId, (d, m) => d.Decided(m.Category, m.Confidence, null));

        During(journey,
            When(ProcessingFailed).Then(c =>
            {
                c.Saga.BelongsTo(c.Message.TenantId);
                c.Saga.Failed(c.Message.Step, c.Message.Reason);
                WorkflowMetrics.Failures.Add(1, new KeyValuePair<string, object?>("workflow.step", c.Message.Step));
            }).Then(Touch).Then(c => Reached(c, Failed)).TransitionTo(Failed).Then(CallBackIfFinished));

        // A late, repeated or out-of-order event has no place in the current state: it changes nothing.
        OnUnhandledEvent(context => context.Ignore());
    }

    /// <summary>The messages the state machine reacts to (its events' data, not its states' own events).</summary>
    public IEnumerable<Type> MessageTypes() =>
        Events
            .Select(e => e.GetType().GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Event<>)))
            .OfType<Type>()
            .Select(e => e.GetGenericArguments()[0])
            .Where(t => !typeof(State).IsAssignableFrom(t))
            .Distinct();

    public State Received { get; private set; } = null!;

    public State Extracted { get; private set; } = null!;

    public State Classified { get; private set; } = null!;

    public State AwaitingReview { get; private set; } = null!;

    public State Routed { get; private set; } = null!;

    public State Completed { get; private set; } = null!;

    public State Rejected { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    public Event<DocumentTextExtracted> TextExtracted { get; private set; } = null!;
    public Event<DocumentClassified> DocumentClassified { get; private set; } = null!;
    public Event<DocumentAwaitingReview> ReviewAwaited { get; private set; } = null!;
    public Event<DocumentRouted> DocumentRouted { get; private set; } = null!;
    public Event<DocumentCompleted> DocumentCompleted { get; private set; } = null!;
    public Event<DocumentRejected> DocumentRejected { get; private set; } = null!;
    public Event<DocumentProcessingFailed> ProcessingFailed { get; private set; } = null!;

    /// <summary>
    /// The event moves the document to <paramref name="to"/> from any state of the journey before
    /// it, and out of Failed when it shows the failed step has succeeded since.
    /// </summary>
    private void Advance<T>(Event<T> @event, State to, State[] journey, Func<T, string?> tenantOf, Action<Document, T> record)
        where T : class
    {
        void Apply(BehaviorContext<Document, T> c)
        {
            c.Saga.BelongsTo(tenantOf(c.Message));
            record(c.Saga, c.Message);
        }

        During(journey.TakeWhile(state => state != to).ToArray(),
            When(@event).Then(Apply).Then(Touch).Then(c => Reached(c, to)).TransitionTo(to).Then(CallBackIfFinished));
        During(Failed,
            When(@event, c => Recovers(c.Saga.FailedStep, to.Name))
                .Then(c => c.Saga.Recovered()).Then(Apply).Then(Touch).Then(c => Reached(c, to)).TransitionTo(to).Then(CallBackIfFinished));
    }

    /// <summary>Whether reaching <paramref name="state"/> means the step that failed has succeeded since.</summary>
    private static bool Recovers(string? failedStep, string state)
    {
        // A rejection is the routing step's outcome, decided by a person.
        var reached = Enum.Parse<DocumentStatus>(state) is var status && status == DocumentStatus.Rejected ? DocumentStatus.Routed : status;
        return reached >= failedStep switch
        {
            ProcessingSteps.Extract => DocumentStatus.Extracted,
            ProcessingSteps.Classify => DocumentStatus.Classified,
            ProcessingSteps.Route => DocumentStatus.Routed,
            ProcessingSteps.Notify => DocumentStatus.Completed,
            _ => (DocumentStatus)int.MaxValue,
        };
    }

    /// <summary>Counts the document reaching a status; a completion also records how long the whole journey took.</summary>
    private static void Reached<T>(BehaviorContext<Document, T> context, State state)
        where T : class
    {
        WorkflowMetrics.DocumentsByStatus.Add(1, new KeyValuePair<string, object?>("workflow.status", state.Name));
        if (state.Name == nameof(DocumentStatus.Completed) && context.Saga.IsDescribed)
        {
            WorkflowMetrics.EndToEndDuration.Record((context.Saga.UpdatedAt - context.Saga.CreatedAt).TotalSeconds);
        }
    }

    /// <summary>
    /// A document that has reached a terminal status calls back its uploader, if asked to: through
    /// notify, by an event in the outbox, so it leaves only if this status is committed.
    /// </summary>
    private static void CallBackIfFinished<T>(BehaviorContext<Document, T> context)
        where T : class
    {
        if (DocumentCallbacks.Due(context.Saga, context.Saga.UpdatedAt) is { } due)
        {
            context.Outbox().Publish(due);
        }
    }

    private static void Touch<T>(BehaviorContext<Document, T> context)
        where T : class =>
        context.Saga.Touch(context.Now());
}

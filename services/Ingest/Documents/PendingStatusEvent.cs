using System.Diagnostics;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Ingest.Documents;

/// <summary>
/// One status event on its way into a group commit of the <see cref="DocumentStatusWriter"/>:
/// its delivery (still unacknowledged: the consumer waits for the outcome), the state machine's
/// event it raises, and the outcome the consumer is waiting for.
/// </summary>
public abstract class PendingStatusEvent
{
    private readonly TaskCompletionSource<string> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected PendingStatusEvent(ConsumeContext context, Guid documentId)
    {
        Context = context;
        DocumentId = documentId;
        MessageId = ConsumedMessages.IdOf(context);
        Activity = Activity.Current;
    }

    public ConsumeContext Context { get; }

    public Guid DocumentId { get; }

    /// <summary>The inbox key.</summary>
    public string MessageId { get; }

    /// <summary>The delivery's consume span: what the event's timeline entry and any callback it publishes belong to.</summary>
    public Activity? Activity { get; }

    public abstract object Message { get; }

    public abstract string MessageType { get; }

    /// <summary><see cref="ConsumedMessages.Processed"/> or <see cref="ConsumedMessages.Duplicate"/> once committed; the error if it could not be.</summary>
    public Task<string> Outcome => _outcome.Task;

    /// <summary>
    /// Raises the event on the document, in the writer's unit of work: the state machine's
    /// activities resolve their services (the outbox, the clock) from <paramref name="unitOfWork"/>.
    /// </summary>
    public abstract Task RaiseAsync(DocumentStatusStateMachine machine, ServiceDbContext db, IServiceScope unitOfWork, Document document);

    public void Done(string outcome) => _outcome.TrySetResult(outcome);

    public void Fail(Exception error) => _outcome.TrySetException(error);
}

public sealed class PendingStatusEvent<T>(ConsumeContext<T> context, Event<T> @event, Guid documentId) : PendingStatusEvent(context, documentId)
    where T : class
{
    private static readonly SagaConsumeContextFactory<ServiceDbContext, Document> Sagas = new();

    public override object Message => context.Message;

    public override string MessageType => typeof(T).Name;

    public override async Task RaiseAsync(DocumentStatusStateMachine machine, ServiceDbContext db, IServiceScope unitOfWork, Document document)
    {
        var inUnitOfWork = new ConsumeContextScope<T>(context, unitOfWork);
        var saga = await Sagas.CreateSagaConsumeContext(db, inUnitOfWork, document, SagaConsumeContextMode.Load);
        await ((StateMachine<Document>)machine).RaiseEvent(new MassTransitStateMachine<Document>.BehaviorContextProxy<T>(machine, saga, saga, @event));
    }
}

using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// Every event that moves a document's status, handed to the <see cref="DocumentStatusWriter"/>'s
/// next group commit; the delivery is acknowledged once that has committed it. The writer checks
/// at start that this consumer takes every message the state machine reacts to.
/// </summary>
public sealed class DocumentStatusConsumer(DocumentStatusWriter writer, DocumentStatusStateMachine machine) :
    IConsumer<DocumentTextExtracted>,
    IConsumer<DocumentClassified>,
    IConsumer<DocumentAwaitingReview>,
    IConsumer<DocumentRouted>,
    IConsumer<DocumentCompleted>,
    IConsumer<DocumentRejected>,
    IConsumer<DocumentProcessingFailed>
{
    public Task Consume(ConsumeContext<DocumentTextExtracted> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentTextExtracted>(context, machine.TextExtracted, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentClassified> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentClassified>(context, machine.DocumentClassified, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentAwaitingReview> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentAwaitingReview>(context, machine.ReviewAwaited, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentRouted> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentRouted>(context, machine.DocumentRouted, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentCompleted> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentCompleted>(context, machine.DocumentCompleted, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentRejected> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentRejected>(context, machine.DocumentRejected, context.Message.DocumentId));

    public Task Consume(ConsumeContext<DocumentProcessingFailed> context) =>
        writer.ApplyAsync(new PendingStatusEvent<DocumentProcessingFailed>(context, machine.ProcessingFailed, context.Message.DocumentId));

    /// <summary>The messages this consumer takes.</summary>
    public static IEnumerable<Type> MessageTypes() =>
        typeof(DocumentStatusConsumer).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]);
}

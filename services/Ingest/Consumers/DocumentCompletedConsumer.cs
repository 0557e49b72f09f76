using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentCompletedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentCompleted>
{
    public Task Consume(ConsumeContext<DocumentCompleted> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Completed(m.Category, m.Confidence, m.Department, m.NotificationsDelivered, m.NotificationsFailed, at), context.CancellationToken);
    }
}

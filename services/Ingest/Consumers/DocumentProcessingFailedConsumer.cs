using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentProcessingFailedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentProcessingFailed>
{
    public Task Consume(ConsumeContext<DocumentProcessingFailed> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Failed(m.Step, m.Reason, at), context.CancellationToken);
    }
}

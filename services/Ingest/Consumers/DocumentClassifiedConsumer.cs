using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentClassifiedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentClassified>
{
    public Task Consume(ConsumeContext<DocumentClassified> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Classified(m.Category, m.Confidence, at), context.CancellationToken);
    }
}

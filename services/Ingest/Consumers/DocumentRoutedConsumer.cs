using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentRoutedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentRouted>
{
    public Task Consume(ConsumeContext<DocumentRouted> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Routed(m.Category, m.Confidence, m.Department, at), context.CancellationToken);
    }
}

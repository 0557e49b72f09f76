using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentTextExtractedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentTextExtracted>
{
    public Task Consume(ConsumeContext<DocumentTextExtracted> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Extracted(at), context.CancellationToken);
    }
}

using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentRejectedConsumer(DocumentStatusProjection projection) : IConsumer<DocumentRejected>
{
    public Task Consume(ConsumeContext<DocumentRejected> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.Rejected(m.Category, m.Confidence, at), context.CancellationToken);
    }
}

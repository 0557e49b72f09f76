using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

public sealed class DocumentAwaitingReviewConsumer(DocumentStatusProjection projection) : IConsumer<DocumentAwaitingReview>
{
    public Task Consume(ConsumeContext<DocumentAwaitingReview> context)
    {
        var m = context.Message;
        return projection.ApplyAsync(m.DocumentId, (document, at) => document.AwaitingReview(m.Category, m.Confidence, at), context.CancellationToken);
    }
}

using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// When another service gives up on a document's event (its retries are spent and the message is
/// in its error queue), MassTransit publishes a <see cref="Fault{T}"/>. Ingest turns it into the
/// domain's <see cref="DocumentProcessingFailed"/> (the same event extract publishes for a document
/// it cannot read), so the document shows <c>Failed</c> at that service's step, with the reason,
/// instead of waiting forever.
/// </summary>
public sealed class StepFaultConsumer<T>(EventOutbox outbox) : IConsumer<Fault<T>>
    where T : class
{
    public Task Consume(ConsumeContext<Fault<T>> context)
    {
        var fault = context.Message;
        var step = SendingService.Of(fault.Host);
        var (documentId, tenantId) = DocumentOf(fault.Message);
        if (step is null or ProcessingSteps.Ingest || documentId == Guid.Empty)
        {
            // Ingest's own failures are in its own error queue; a fault without a document has nothing to show.
            return Task.CompletedTask;
        }

        outbox.Publish(new DocumentProcessingFailed
        {
            DocumentId = documentId,
            TenantId = tenantId,
            Step = step,
            Reason = fault.Exceptions.FirstOrDefault()?.Message ?? "unknown error",
            FailedAt = fault.Timestamp,
        });
        return Task.CompletedTask;
    }

    private static (Guid DocumentId, string? TenantId) DocumentOf(T? message) => message switch
    {
        DocumentUploaded m => (m.DocumentId, m.TenantId),
        DocumentTextExtracted m => (m.DocumentId, m.TenantId),
        DocumentClassified m => (m.DocumentId, m.TenantId),
        DocumentRouted m => (m.DocumentId, m.TenantId),
        _ => (Guid.Empty, null),
    };
}

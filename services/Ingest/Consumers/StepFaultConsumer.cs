using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// When another service gives up on a document's event (its retries are spent and the message is
/// in its error queue), MassTransit publishes a <see cref="Fault{T}"/>; the document is then shown
/// <c>Failed</c> at that service's step, with the reason, instead of waiting forever.
/// </summary>
public sealed class StepFaultConsumer<T>(DocumentStatusProjection projection) : IConsumer<Fault<T>>
    where T : class
{
    public Task Consume(ConsumeContext<Fault<T>> context)
    {
        var fault = context.Message;
        var step = FaultingStep.Of(fault.Host);
        var documentId = DocumentIdOf(fault.Message);
        if (step is null or ProcessingSteps.Ingest || documentId == Guid.Empty)
        {
            // Ingest's own failures are in its own error queue; a fault without a document has nothing to show.
            return Task.CompletedTask;
        }

        var reason = fault.Exceptions.FirstOrDefault()?.Message ?? "unknown error";
        return projection.ApplyAsync(documentId, (document, at) => document.Failed(step, reason, at), context.CancellationToken);
    }

    private static Guid DocumentIdOf(T? message) => message switch
    {
        DocumentUploaded m => m.DocumentId,
        DocumentTextExtracted m => m.DocumentId,
        DocumentClassified m => m.DocumentId,
        DocumentRouted m => m.DocumentId,
        _ => Guid.Empty,
    };
}

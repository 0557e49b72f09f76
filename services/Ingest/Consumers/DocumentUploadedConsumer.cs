using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;
using Workflow.Ingest.Timeline;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Storage;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// Records documents announced on the broker. For API uploads the document already exists;
/// for a <see cref="DocumentUploaded"/> published straight to RabbitMQ this is where ingest
/// first hears of it (unless a later step's event overtook it), and where its inline bytes are
/// put in the document store. It has its own queue, which also takes plain JSON from clients
/// outside .NET, so it is not one of the state machine's events; it only describes the document,
/// creating it in <c>Received</c> when it is new, as the API does.
/// </summary>
public sealed class DocumentUploadedConsumer(IngestDbContext db, IDocumentStore store, EventOutbox outbox, TimeProvider clock)
    : IConsumer<DocumentUploaded>
{
    public async Task Consume(ConsumeContext<DocumentUploaded> context)
    {
        var message = context.Message;
        message.EnsureValid();
        var document = await db.FindByKeyAsync<Document>(message.DocumentId, context.CancellationToken);
        if (document?.IsDescribed == true)
        {
            return;
        }

        var storageKey = message.StorageKey;
        if (storageKey is null && message.Content is { } content)
        {
            storageKey = await store.SaveAsync(StorageKeys.Document(message.DocumentId), content, context.CancellationToken);
        }

        var size = message.SizeBytes > 0 ? message.SizeBytes : message.Content?.LongLength ?? 0;
        db.Timeline.Add(TimelineEvents.From(message with { SizeBytes = size }, SendingService.Of(context) ?? "external", clock.GetUtcNow())!);
        if (document is null)
        {
            db.Documents.Add(Document.Received(message.DocumentId, Tenants.Of(message.TenantId), message.FileName, message.ContentType, size,
                message.Source, message.ExternalRef, storageKey, message.CallbackUrl, clock.GetUtcNow()));
            return;
        }

        document.Describe(message.FileName, message.ContentType, size, message.Source, message.ExternalRef, storageKey, message.CallbackUrl);
        document.Version++;

        // Ingest was behind: the document finished before its upload was read here. Its callback is due now.
        if (DocumentCallbacks.Due(document, clock.GetUtcNow()) is { } due)
        {
            outbox.Publish(due);
        }
    }
}

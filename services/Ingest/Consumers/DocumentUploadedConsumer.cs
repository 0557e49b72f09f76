using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Documents;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// Records documents announced on the broker. For API uploads the document already exists;
/// for a <see cref="DocumentUploaded"/> published straight to RabbitMQ this is where ingest
/// first hears of it, and where its inline bytes are put in the document store.
/// </summary>
public sealed class DocumentUploadedConsumer(DocumentStatusProjection projection, IDocumentStore store)
    : IConsumer<DocumentUploaded>
{
    public async Task Consume(ConsumeContext<DocumentUploaded> context)
    {
        var message = context.Message;
        message.EnsureValid();

        var storageKey = message.StorageKey;
        if (storageKey is null && message.Content is { } content)
        {
            storageKey = await store.SaveAsync(DocumentIntake.StorageKeyFor(message.DocumentId), new MemoryStream(content), context.CancellationToken);
        }

        await projection.ApplyAsync(message.DocumentId, (document, _) =>
        {
            if (!document.IsDescribed)
            {
                document.Describe(message.FileName, message.ContentType, message.SizeBytes > 0 ? message.SizeBytes : message.Content?.LongLength ?? 0,
                    message.Source, message.ExternalRef, storageKey);
            }
        }, context.CancellationToken);
    }
}

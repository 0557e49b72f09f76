using MassTransit;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Extract.Data;
using Workflow.Extract.Entities;
using Workflow.Extract.Extraction;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Storage;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Extract.Consumers;

/// <summary>
/// Extracts the text of each uploaded document. A document that cannot be read fails with
/// its reason; a store or database fault is retried and, at the end, reaches the error queue.
/// </summary>
public sealed class DocumentUploadedConsumer(
    TextExtractor extractor, EntityFinder entities, ExtractDbContext db, EventOutbox outbox, IDocumentStore store, TimeProvider clock, IOptions<ExtractionLimits> limits)
    : IConsumer<DocumentUploaded>
{
    public async Task Consume(ConsumeContext<DocumentUploaded> context)
    {
        var message = context.Message;
        message.EnsureValid();
        var content = message.Content ?? await ReadStoredAsync(message.StorageKey!, context.CancellationToken);
        var record = await RecordFor(message.DocumentId, context.CancellationToken);

        ExtractedText extracted;
        try
        {
            extracted = await extractor.ExtractAsync(content, message.ContentType, message.FileName, context.CancellationToken);
        }
        catch (UnreadableDocumentException e)
        {
            record.FailureReason = e.Message;
            outbox.Publish(new DocumentProcessingFailed
            {
                DocumentId = message.DocumentId, TenantId = message.TenantId, Step = ProcessingSteps.Extract, Reason = e.Message, FailedAt = record.ProcessedAt,
            });
            return;
        }

        string? inlineText = extracted.Text;
        if (extracted.Text.Length > limits.Value.InlineTextCharacters)
        {
            record.TextStorageKey = await store.SaveAsync(
                StorageKeys.Text(message.DocumentId), System.Text.Encoding.UTF8.GetBytes(extracted.Text), context.CancellationToken);
            inlineText = null;
        }

        record.Format = extracted.Kind.ToString().ToLowerInvariant();
        record.CharacterCount = extracted.Text.Length;
        record.PageCount = extracted.PageCount;
        record.Ocr = extracted.Ocr;
        record.FailureReason = null;
        outbox.Publish(new DocumentTextExtracted
        {
            DocumentId = message.DocumentId,
            Format = record.Format,
            CharacterCount = record.CharacterCount,
            PageCount = record.PageCount,
            Text = inlineText,
            TextStorageKey = record.TextStorageKey,
            ExtractedAt = record.ProcessedAt,
            TenantId = message.TenantId,
            Source = message.Source,
            Sender = extracted.Sender,
            Truncated = extracted.Truncated,
            Ocr = extracted.Ocr,
            Entities = entities.Find(extracted.Text),
        });
    }

    private async Task<byte[]> ReadStoredAsync(string storageKey, CancellationToken cancellationToken)
    {
        await using var stored = await store.OpenReadAsync(storageKey, cancellationToken);
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<DocumentExtraction> RecordFor(Guid documentId, CancellationToken cancellationToken)
    {
        var record = await db.FindByKeyAsync<DocumentExtraction>(documentId, cancellationToken);
        if (record is null)
        {
            record = new DocumentExtraction { DocumentId = documentId };
            db.Extractions.Add(record);
        }

        record.ProcessedAt = clock.GetUtcNow();
        return record;
    }
}

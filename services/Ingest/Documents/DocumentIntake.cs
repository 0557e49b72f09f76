using MassTransit;
using Microsoft.Extensions.Options;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Contracts;
using Workflow.Ingest.Apis;
using Workflow.Ingest.Data;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Documents;

/// <summary>
/// Accepts an uploaded document: stores its bytes, then records it and its
/// <see cref="DocumentUploaded"/> in one commit, so the event leaves only if the record exists.
/// </summary>
public sealed class DocumentIntake(
    IngestDbContext db, IDocumentStore store, EventOutbox outbox, TimeProvider clock, IOptions<UploadLimits> limits)
{
    public static string StorageKeyFor(Guid documentId) => $"documents/{documentId:N}";

    public async Task<Document> AcceptAsync(UploadRequest upload, CancellationToken cancellationToken)
    {
        var documentId = NewId.NextGuid();
        var storageKey = await store.SaveAsync(StorageKeyFor(documentId), new MemoryStream(upload.Content), cancellationToken);
        var now = clock.GetUtcNow();

        var document = Document.Received(
            documentId, upload.FileName, upload.ContentType, upload.Content.LongLength, upload.Source, upload.ExternalRef, storageKey, now);
        db.Documents.Add(document);
        outbox.Publish(new DocumentUploaded
        {
            DocumentId = documentId,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            SizeBytes = upload.Content.LongLength,
            Source = upload.Source,
            ExternalRef = upload.ExternalRef,
            StorageKey = storageKey,
            Content = upload.Content.Length <= limits.Value.InlineContentBytes ? upload.Content : null,
            UploadedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        return document;
    }
}

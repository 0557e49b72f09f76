using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Contracts;
using Workflow.Ingest.Apis;
using Workflow.Ingest.Data;
using Workflow.Ingest.Idempotency;
using Workflow.Ingest.Timeline;
using Workflow.ServiceDefaults.Http.Idempotency;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Documents;

/// <summary>
/// Accepts an uploaded document: stores its bytes, then records it, its
/// <see cref="DocumentUploaded"/> and (for a request with an idempotency key) the response in one
/// commit, so the event leaves only if the record exists, and a key creates one document at most.
/// </summary>
public sealed class DocumentIntake(
    IngestDbContext db, IDocumentStore store, EventOutbox outbox, TimeProvider clock, IOptions<UploadLimits> limits, IConfiguration configuration)
{
    public static string StatusUrlOf(Guid documentId) => $"/v1/documents/{documentId}";

    /// <summary>The stored first response to a tenant's key, while its window lasts.</summary>
    public Task<IdempotentResponse?> PreviousAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - IdempotencyKey.WindowOf(configuration);
        return db.IdempotentResponses.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenantId && r.Key == key && r.CreatedAt >= since, cancellationToken);
    }

    /// <summary>
    /// The accepted document, or, when a concurrent request with the same idempotency key
    /// committed first, null: nothing of this request was kept, and the caller replays that one.
    /// </summary>
    public async Task<DocumentAccepted?> AcceptAsync(string tenantId, UploadRequest upload, IdempotentRequest? idempotency, CancellationToken cancellationToken)
    {
        var documentId = NewId.NextGuid();
        var storageKey = await store.SaveAsync(StorageKeys.Document(documentId), upload.Content, cancellationToken);
        var now = clock.GetUtcNow();

        var document = Document.Received(
            documentId, tenantId, upload.FileName, upload.ContentType, upload.Content.LongLength, upload.Source, upload.ExternalRef, storageKey, upload.CallbackUrl, now);
        var accepted = new DocumentAccepted(documentId, document.Status.ToString(), StatusUrlOf(documentId));
        db.Documents.Add(document);
        var uploaded = new DocumentUploaded
        {
            DocumentId = documentId,
            TenantId = tenantId,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            SizeBytes = upload.Content.LongLength,
            Source = upload.Source,
            ExternalRef = upload.ExternalRef,
            StorageKey = storageKey,
            Content = upload.Content.Length <= limits.Value.InlineContentBytes ? upload.Content : null,
            UploadedAt = now,
            CallbackUrl = upload.CallbackUrl,
        };
        outbox.Publish(uploaded);
        db.Timeline.Add(TimelineEvents.From(uploaded, ProcessingSteps.Ingest, now)!);
        if (idempotency is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return accepted;
        }

        // A key whose window has passed may be used again.
        await db.IdempotentResponses.Where(r => r.TenantId == tenantId && r.Key == idempotency.Key && r.CreatedAt < now - IdempotencyKey.WindowOf(configuration))
            .ExecuteDeleteAsync(cancellationToken);
        db.IdempotentResponses.Add(new IdempotentResponse
        {
            TenantId = tenantId,
            Key = idempotency.Key,
            RequestHash = idempotency.RequestHash,
            StatusCode = StatusCodes.Status202Accepted,
            Location = accepted.StatusUrl,
            ContentType = "application/json; charset=utf-8",
            Body = JsonSerializer.Serialize(accepted, JsonSerializerOptions.Web),
            CreatedAt = now,
            CompletedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return accepted;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await PreviousAsync(tenantId, idempotency.Key, cancellationToken) is null)
            {
                throw;
            }

            // Another request with this key won the insert: this one's document, event and bytes go.
            await store.DeleteAsync(storageKey, CancellationToken.None);
            return null;
        }
    }
}

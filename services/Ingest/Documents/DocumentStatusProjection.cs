using Workflow.Ingest.Data;

namespace Workflow.Ingest.Documents;

/// <summary>
/// Applies one event to one document's read model, committed by the consumer's unit of work.
/// Conflicting concurrent updates fail on the version token (or the primary key, for two first
/// sightings) and are retried by the endpoint.
/// </summary>
public sealed class DocumentStatusProjection(IngestDbContext db, TimeProvider clock)
{
    public async Task ApplyAsync(Guid documentId, Action<Document, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var document = await db.Documents.FindAsync([documentId], cancellationToken);
        if (document is null)
        {
            document = Document.Placeholder(documentId, now);
            db.Documents.Add(document);
        }

        change(document, now);
    }
}

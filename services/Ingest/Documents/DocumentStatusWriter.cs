using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Workflow.Ingest.Data;
using Workflow.Ingest.Timeline;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.Ingest.Documents;

/// <summary>
/// Applies the status events of many documents in one unit of work: a group commit. Ingest hears
/// four status events per document against one for every other service, and one commit each made
/// its status lane the system's bottleneck (under load "where is my document?" trailed the pipeline
/// by tens of seconds, README "Benchmark"). Deliveries that arrive while a commit is under way wait
/// for the next one, which takes them all (up to <see cref="MaxBatch"/>): one inbox query, one query
/// for their documents, the state machine for each event in arrival order, and one SaveChanges
/// with every new status, timeline entry, inbox row and callback. At low load a batch is one event
/// and nothing waits. Each delivery is acknowledged only after the commit that holds it. If a group
/// fails (a clash with another replica on a document's version, a faulty event), every event in it
/// is applied again alone, so only an event that fails by itself is retried and, in the end, goes
/// to the error queue. Hand-written: MassTransit's batch consumers fault a whole batch for one
/// message and batch one message type at a time; sagas commit one message each.
/// </summary>
public sealed class DocumentStatusWriter(
    IServiceScopeFactory scopes, DocumentStatusStateMachine machine, TimeProvider clock, ILogger<DocumentStatusWriter> logger)
    : IHostedService
{
    /// <summary>The most events in one commit.</summary>
    public const int MaxBatch = 64;

    private readonly Channel<PendingStatusEvent> _pending = Channel.CreateUnbounded<PendingStatusEvent>(new UnboundedChannelOptions { SingleReader = true });
    private Task _writing = Task.CompletedTask;

    /// <summary>The queue the events come from, the consumer their inbox rows name.</summary>
    public const string Queue = "ingest-document-status";

    /// <summary>Hands the event to the next group commit and waits until that has committed it (or dropped it as a repeat).</summary>
    public async Task ApplyAsync(PendingStatusEvent pending)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_pending.Writer.TryWrite(pending))
        {
            // Only after the bus has stopped; the delivery goes back to the queue unacknowledged.
            throw new InvalidOperationException("Ingest is stopping: the status event is left for the next start.");
        }

        string outcome;
        try
        {
            outcome = await pending.Outcome;
        }
        catch
        {
            ConsumedMessages.Count(Queue, pending.MessageType, ConsumedMessages.Failed);
            throw;
        }

        if (outcome == ConsumedMessages.Duplicate)
        {
            ConsumedMessages.DroppedRepeat(logger, Queue, pending.MessageType, pending.MessageId);
        }
        else
        {
            ConsumedMessages.Count(Queue, pending.MessageType, outcome, started);
        }
    }

    // Registered before MassTransit's host, so it starts before the first delivery and stops after the last.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var missed = machine.MessageTypes().Except(Consumers.DocumentStatusConsumer.MessageTypes()).Select(t => t.Name).ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException($"The document status events {string.Join(", ", missed)} are not consumed: add them to {nameof(Consumers.DocumentStatusConsumer)}.");
        }

        _writing = Task.Run(WriteAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _pending.Writer.TryComplete();
        await _writing.WaitAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingStatusEvent>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingStatusEvent> batch)
    {
        string[] outcomes;
        try
        {
            outcomes = await ApplyTogetherAsync(batch);
        }
        catch (Exception error) when (batch.Count > 1)
        {
            logger.LogInformation(error, "A group of {Count} status events failed to commit; each is applied alone", batch.Count);
            foreach (var pending in batch)
            {
                await CommitAsync([pending]);
            }

            return;
        }
        catch (Exception error)
        {
            batch[0].Fail(error);
            return;
        }

        WorkflowMetrics.StatusGroupSize.Record(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done(outcomes[i]);
        }
    }

    private async Task<string[]> ApplyTogetherAsync(List<PendingStatusEvent> batch)
    {
        await using var unitOfWork = scopes.CreateAsyncScope();
        var db = unitOfWork.ServiceProvider.GetRequiredService<IngestDbContext>();
        // One connection for the whole unit of work, rather than one from the pool per query.
        await db.Database.OpenConnectionAsync();
        try
        {
            var messageIds = batch.Select(p => p.MessageId).Distinct().ToList();
            var applied = (await db.InboxMessages
                .Where(m => m.Consumer == Queue && messageIds.Contains(m.MessageId))
                .Select(m => m.MessageId)
                .ToListAsync()).ToHashSet();
            var documentIds = batch.Select(p => p.DocumentId).Distinct().ToList();
            var documents = await db.Documents.Where(d => documentIds.Contains(d.CorrelationId)).ToDictionaryAsync(d => d.CorrelationId);
            var changed = new HashSet<Guid>();
            var outcomes = new string[batch.Count];
            var now = clock.GetUtcNow();
            for (var i = 0; i < batch.Count; i++)
            {
                var pending = batch[i];
                // Already committed, or a second copy of a message earlier in this group.
                if (!applied.Add(pending.MessageId))
                {
                    outcomes[i] = ConsumedMessages.Duplicate;
                    continue;
                }

                var document = DocumentFor(pending.DocumentId, documents, db);
                if (changed.Add(pending.DocumentId) && db.Entry(document).State != EntityState.Added)
                {
                    // The version loaded is the one the commit checks; the new one marks the change.
                    document.Version++;
                }

                await ApplyAsync(pending, document, db, unitOfWork, now);
                outcomes[i] = ConsumedMessages.Processed;
            }

            await db.SaveChangesAsync();
            return outcomes;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The document the event is about; the first event ingest hears of a document creates it.</summary>
    private static Document DocumentFor(Guid id, Dictionary<Guid, Document> documents, IngestDbContext db)
    {
        if (!documents.TryGetValue(id, out var document))
        {
            document = new Document { CorrelationId = id };
            db.Documents.Add(document);
            documents[id] = document;
        }

        return document;
    }

    /// <summary>
    /// The event moves the document (or not, if it is late), joins the timeline (a late event is
    /// history too) and the inbox, in the delivery's own trace.
    /// </summary>
    private async Task ApplyAsync(PendingStatusEvent pending, Document document, IngestDbContext db, IServiceScope unitOfWork, DateTimeOffset now)
    {
        var outer = Activity.Current;
        Activity.Current = pending.Activity;
        try
        {
            await pending.RaiseAsync(machine, db, unitOfWork, document);
            if (TimelineEvents.From(pending.Message, SendingService.Of(pending.Context) ?? "external", now) is { } entry)
            {
                db.Timeline.Add(entry);
            }

            db.InboxMessages.Add(new InboxMessage { MessageId = pending.MessageId, Consumer = Queue, ProcessedAt = now });
        }
        finally
        {
            Activity.Current = outer;
        }
    }
}

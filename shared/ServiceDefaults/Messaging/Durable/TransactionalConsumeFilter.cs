using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Data;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Runs each consumer inside one unit of work of the service's database: the consumer's changes,
/// the inbox row and the events it put in the <see cref="EventOutbox"/> are committed together by
/// one SaveChanges, and a message already in the inbox is dropped. The inbox is asked before the
/// consumer runs only for a redelivery; any other copy of a committed message, and the loser of
/// two concurrent copies, collides on the inbox key (or fails on what the first copy did) and is
/// then found in the inbox and dropped, its work rolled back. Asking every message first cost a
/// query per message (about 6 % of a consuming service's CPU, perf) for a repeat that is rare; the
/// price is that such a repeat's work (an extraction, a classifier's call) is done again and
/// thrown away.
/// A message that changes nothing commits nothing.
/// </summary>
public sealed class TransactionalConsumeFilter<T>(ServiceDbContext db, TimeProvider clock, ILogger<TransactionalConsumeFilter<T>> logger)
    : IFilter<ConsumeContext<T>>
    where T : class
{
    /// <summary>The unit of work's own spans (the inbox check, the commit), beside the relay's.</summary>
    private static readonly ActivitySource Source = new(OutboxRelay.ActivitySourceName);

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        // A retry starts clean: nothing left tracked from the failed attempt.
        db.ChangeTracker.Clear();
        // One connection for the whole unit of work, rather than one from the pool per query.
        await db.Database.OpenConnectionAsync(context.CancellationToken);
        try
        {
            await ConsumeOnceAsync(context, next);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            ConsumedMessages.Count(ConsumedMessages.QueueOf(context), typeof(T).Name, ConsumedMessages.Failed);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ConsumeOnceAsync(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = ConsumedMessages.IdOf(context);
        var consumer = ConsumedMessages.QueueOf(context);
        // Asked first only of a delivery RabbitMQ marks as a redelivery (the consumer or its
        // connection died before the ack, the likeliest repeat of an already committed message).
        // Any other repeat (the relay publishing again, a client publishing twice) is rare: it runs
        // the consumer, whose commit then collides with the inbox row, or whose work fails on the
        // state the first copy left; either way the inbox is asked then, and the repeat dropped.
        var askedFirst = context.ReceiveContext.Redelivered;
        if (askedFirst && await DroppedAsRepeatAsync(messageId, consumer, context.CancellationToken))
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next.Send(context);
        }
        catch (Exception e) when (!askedFirst && e is not OperationCanceledException)
        {
            if (!await DroppedAsRepeatAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }

            return;
        }

        if (!db.ChangeTracker.HasChanges())
        {
            // The message changed nothing and published nothing (the upload event of a document
            // the API has already recorded): there is no effect to guard against repeating, so
            // nothing to commit.
            ConsumedMessages.Count(consumer, typeof(T).Name, ConsumedMessages.Processed, started);
            return;
        }

        db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        try
        {
            // HasChanges has just detected every change, and the inbox row is tracked as added.
            using (db.ChangeTracker.Pause())
            using (Source.StartActivity("unit of work commit"))
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }

            ConsumedMessages.Count(consumer, typeof(T).Name, ConsumedMessages.Processed, started);
        }
        catch (DbUpdateException)
        {
            // Another copy of this message may have committed first: then this one is a repeat.
            if (!await DroppedAsRepeatAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }
        }
    }

    // Compiled once: every message of every service asks this.
    private static readonly Func<ServiceDbContext, string, string, CancellationToken, Task<bool>> Processed =
        EF.CompileAsyncQuery((ServiceDbContext db, string messageId, string consumer, CancellationToken _) =>
            db.InboxMessages.Any(m => m.MessageId == messageId && m.Consumer == consumer));

    /// <summary>Asks the inbox; a message found there is logged and counted as a dropped repeat.</summary>
    private async Task<bool> DroppedAsRepeatAsync(string messageId, string consumer, CancellationToken cancellationToken)
    {
        if (!await AlreadyProcessedAsync(messageId, consumer, cancellationToken))
        {
            return false;
        }

        ConsumedMessages.DroppedRepeat(logger, consumer, typeof(T).Name, messageId);
        return true;
    }

    private async Task<bool> AlreadyProcessedAsync(string messageId, string consumer, CancellationToken cancellationToken)
    {
        using var _ = Source.StartActivity("inbox check");
        return await Processed(db, messageId, consumer, cancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactional-inbox-outbox");
}

using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Data;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Runs each consumer inside one unit of work of the service's database: a message already in
/// the inbox is dropped; otherwise the consumer's changes, the inbox row and the events it put
/// in the <see cref="EventOutbox"/> are committed together by one SaveChanges. Two concurrent
/// copies of one message collide on the inbox key; the loser is retried and then dropped.
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
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task ConsumeOnceAsync(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = ConsumedMessages.IdOf(context);
        var consumer = ConsumedMessages.QueueOf(context);
        if (await AlreadyProcessedAsync(messageId, consumer, context.CancellationToken))
        {
            logger.LogInformation("Dropped a repeat of {MessageType} {MessageId} on {Consumer}", typeof(T).Name, messageId, consumer);
            ConsumedMessages.Count(consumer, typeof(T).Name, ConsumedMessages.Duplicate);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await next.Send(context);
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
            if (!await AlreadyProcessedAsync(messageId, consumer, context.CancellationToken))
            {
                throw;
            }

            // A concurrent copy of this message committed first: this one is a repeat.
            logger.LogInformation("Dropped a concurrent repeat of {MessageType} {MessageId} on {Consumer}", typeof(T).Name, messageId, consumer);
            ConsumedMessages.Count(consumer, typeof(T).Name, ConsumedMessages.Duplicate);
        }
    }

    // Compiled once: every message of every service asks this.
    private static readonly Func<ServiceDbContext, string, string, CancellationToken, Task<bool>> Processed =
        EF.CompileAsyncQuery((ServiceDbContext db, string messageId, string consumer, CancellationToken _) =>
            db.InboxMessages.Any(m => m.MessageId == messageId && m.Consumer == consumer));

    private async Task<bool> AlreadyProcessedAsync(string messageId, string consumer, CancellationToken cancellationToken)
    {
        using var _ = Source.StartActivity("inbox check");
        return await Processed(db, messageId, consumer, cancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("transactional-inbox-outbox");
}

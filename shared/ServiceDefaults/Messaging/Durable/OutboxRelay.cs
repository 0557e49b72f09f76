using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ, each with the MessageId it was given at commit (so
/// consumers' inboxes drop any repeat), and deletes them once the broker has confirmed.
/// Fast path: rows this process just committed, handed over in memory. Sweep, every poll interval
/// even under load: rows whose lease ran out (a relay that died, a publish that failed, another
/// replica's leftovers), claimed first so replicas never publish the same row at the same time.
/// Rows stay until published; while the broker is down the relay backs off and tries again.
/// No publish is waited for longer than <see cref="DurableMessagingOptions.PublishTimeout"/>.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes, IBus bus, OutboxHandoff handoff, IOutboxClaim claim, TimeProvider clock,
    IOptions<DurableMessagingOptions> options, ILogger<OutboxRelay> logger) : BackgroundService
{
    public const string ActivitySourceName = "Workflow.Outbox";
    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>Contracts by full name, as the rows name them.</summary>
    private static readonly ConcurrentDictionary<string, Type?> Contracts = new();

    /// <summary>The last pass left a publish unconfirmed (only the relay's own loop reads and writes it).</summary>
    private bool _unconfirmed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextSweep = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var settings = options.Value;
                var committed = await handoff.TakeAsync(settings.RelayBatchSize, settings.RelayPollInterval, stoppingToken);
                if (committed.Count > 0)
                {
                    await PublishAndForgetAsync(committed, lockToken: null, stoppingToken);
                }

                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + settings.RelayPollInterval;
                    while (await SweepAsync(stoppingToken) == settings.RelayBatchSize)
                    {
                        // A full batch: there may be more waiting.
                    }
                }

                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(e, "Outbox relay pass failed ({Failures} in a row); retrying in {Delay}", failures, delay);
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    private async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var settings = options.Value;
        var token = Guid.NewGuid();
        var now = clock.GetUtcNow();
        if (await claim.ClaimAsync(db, token, now, now + settings.RelayLease, settings.RelayBatchSize, cancellationToken) == 0)
        {
            return 0;
        }

        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.LockToken == token).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        logger.LogInformation("Swept {Count} committed events whose lease had run out", rows.Count);
        await PublishAndForgetAsync(rows, token, cancellationToken);
        return rows.Count;
    }

    private async Task PublishAndForgetAsync(List<OutboxMessage> rows, Guid? lockToken, CancellationToken cancellationToken)
    {
        if (options.Value.CrashBeforePublish)
        {
            Environment.FailFast($"Fault injection: dying with {rows.Count} committed event(s) not yet published.");
        }

        var outcomes = await PublishAllAsync(rows, cancellationToken);
        _unconfirmed = outcomes.Contains(Outcome.Unconfirmed);
        var published = rows.Where((_, i) => outcomes[i] == Outcome.Published).Select(r => r.Id).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        await db.OutboxMessages.Where(m => published.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        if (published.Count == rows.Count)
        {
            return;
        }

        if (lockToken is { } token)
        {
            // Give swept rows back at once rather than waiting for their lease to run out.
            await db.OutboxMessages.Where(m => m.LockToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, (Guid?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        }

        throw new InvalidOperationException($"{rows.Count - published.Count} of {rows.Count} events could not be published; they stay in the outbox.");
    }

    /// <summary>
    /// All at once, unless the broker left a publish unconfirmed on the last pass: then the first
    /// event probes it before the rest go, so a broker that blocks publishers holds one abandoned
    /// publish per pass rather than a whole batch (each one a message in memory and, later, a copy).
    /// </summary>
    private async Task<Outcome[]> PublishAllAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (!_unconfirmed)
        {
            return await Task.WhenAll(rows.Select(row => TryPublishAsync(row, cancellationToken)));
        }

        var probe = await TryPublishAsync(rows[0], cancellationToken);
        var rest = probe == Outcome.Published
            ? await Task.WhenAll(rows.Skip(1).Select(row => TryPublishAsync(row, cancellationToken)))
            : Enumerable.Repeat(Outcome.Failed, rows.Count - 1);
        return [probe, .. rest];
    }

    private async Task<Outcome> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        // The trace continues from the work that committed the event.
        using var activity = StoredTrace.Continue(Source, "outbox relay", row.TraceParent);
        try
        {
            var type = ContractType(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)!;
            var publish = bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
            try
            {
                await publish.WaitAsync(options.Value.PublishTimeout, clock, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The abandoned publish may still complete (a second copy, dropped by the consumers'
                // inboxes) or fail later: either way nobody waits for it any more.
                _ = publish.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                logger.LogWarning("RabbitMQ did not confirm {MessageType} {MessageId} within {Timeout}; it stays in the outbox and is published again",
                    row.MessageType, row.MessageId, options.Value.PublishTimeout);
                WorkflowMetrics.OutboxPublishFailures.Add(1);
                return Outcome.Unconfirmed;
            }

            WorkflowMetrics.OutboxDelay.Record((clock.GetUtcNow() - row.CreatedAt).TotalMilliseconds, new KeyValuePair<string, object?>("workflow.message_type", type.Name));
            return Outcome.Published;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not publish {MessageType} {MessageId}", row.MessageType, row.MessageId);
            WorkflowMetrics.OutboxPublishFailures.Add(1);
            return Outcome.Failed;
        }
    }

    /// <summary>A contract by its full name, looked up once per name (by reflection, it cost more than the row's deserialisation).</summary>
    private static Type ContractType(string name) =>
        Contracts.GetOrAdd(name, n => typeof(DocumentUploaded).Assembly.GetType(n))
        ?? throw new InvalidOperationException($"Unknown outbox message type {name}.");

    private enum Outcome
    {
        Published,
        Failed,

        /// <summary>Sent, but the broker did not confirm it within the publish timeout.</summary>
        Unconfirmed,
    }
}

using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Contracts;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ, each with the MessageId it was given at commit
/// (so consumers' inboxes drop any repeat), and deletes them once the broker has confirmed.
/// Woken by <see cref="OutboxSignal"/> after each commit; polls as a fallback; backs off while
/// the broker is unreachable and keeps every row until it is published.
/// </summary>
public sealed class OutboxRelay(
    IServiceScopeFactory scopes, IBus bus, OutboxSignal signal, IOutboxClaim claim, TimeProvider clock,
    IOptions<DurableMessagingOptions> options, ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Workflow.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await RelayBatchAsync(stoppingToken);
                failures = 0;
                if (published == 0)
                {
                    await signal.WaitAsync(options.Value.RelayPollInterval, stoppingToken);
                }
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

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
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
        if (settings.CrashBeforePublish)
        {
            Environment.FailFast($"Fault injection: dying with {rows.Count} committed event(s) not yet published.");
        }

        var outcomes = await Task.WhenAll(rows.Select(row => TryPublishAsync(row, cancellationToken)));
        var published = rows.Where((_, i) => outcomes[i]).Select(r => r.Id).ToList();
        await db.OutboxMessages.Where(m => published.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        if (published.Count < rows.Count)
        {
            // Give the rest back at once rather than waiting for the lease to run out.
            await db.OutboxMessages.Where(m => m.LockToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, (Guid?)null).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            throw new InvalidOperationException($"{rows.Count - published.Count} of {rows.Count} events could not be published.");
        }

        return rows.Count;
    }

    private async Task<bool> TryPublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        // The trace continues from the work that committed the event.
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox relay", ActivityKind.Internal, parent);
        try
        {
            var type = typeof(DocumentUploaded).Assembly.GetType(row.MessageType)
                ?? throw new InvalidOperationException($"Unknown outbox message type {row.MessageType}.");
            var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)!;
            await bus.Publish(message, type, context => context.MessageId = row.MessageId, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not publish {MessageType} {MessageId}", row.MessageType, row.MessageId);
            return false;
        }
    }
}

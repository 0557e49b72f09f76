using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Notify.Data;
using Workflow.Notify.Email;
using Workflow.Notify.Webhooks;
using Workflow.ServiceDefaults.Telemetry;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Notify.Deliveries;

/// <summary>
/// Sends due deliveries: claims a batch (a lease on <see cref="Delivery.NextAttemptAt"/>, won by
/// one replica through the version token), tries each once, and records the outcome: delivered,
/// retry later (backoff with jitter, or the receiver's Retry-After), or dead. A finished delivery
/// that the document's routing needed may complete the document, in the same commit.
/// </summary>
public sealed class DeliveryDispatcher(
    IServiceScopeFactory scopes, DeliverySignal signal, IOptionsMonitor<DeliveryOptions> options, TimeProvider clock,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    private const int RecordAttempts = 5;
    private static readonly ActivitySource Source = new(typeof(DeliveryDispatcher).Assembly.GetName().Name!);
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(options.CurrentValue.PollInterval, stoppingToken);
                while (await DispatchBatchAsync(stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Dispatching deliveries failed; trying again at the next poll");
            }
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var claimed = await ClaimAsync(settings, cancellationToken);
        await Parallel.ForEachAsync(claimed,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (id, token) => await AttemptAsync(id, token));
        return claimed.Count;
    }

    private async Task<List<Guid>> ClaimAsync(DeliveryOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotifyDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt)
            .Take(settings.Parallelism * 2)
            .ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            // Leased for one attempt: if this process dies mid-attempt, the delivery is due again afterwards.
            delivery.NextAttemptAt = now + settings.AttemptTimeout + LeaseMargin;
            delivery.Version++;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return due.Select(d => d.Id).ToList();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another replica claimed some of them first.
            return [];
        }
    }

    private async Task AttemptAsync(Guid id, CancellationToken cancellationToken)
    {
        Activity? activity = null;
        try
        {
            DeliveryResult result;
            var started = Stopwatch.GetTimestamp();
            var at = clock.GetUtcNow();
            await using (var scope = scopes.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<NotifyDbContext>();
                var delivery = await db.Deliveries.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);

                // The attempt, its HTTP call or e-mail, and the completion it may publish continue the document's trace.
                activity = StoredTrace.Continue(Source, $"{delivery.Channel} delivery", delivery.TraceParent);
                activity?.SetTag("workflow.document_id", delivery.DocumentId);
                activity?.SetTag("workflow.delivery_id", id);
                result = await SendAsync(services, db, delivery, cancellationToken);
            }

            var duration = Stopwatch.GetElapsedTime(started);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RecordAsync(id, at, duration, result, cancellationToken);
                    return;
                }
                catch (DbUpdateConcurrencyException) when (attempt < RecordAttempts)
                {
                    // Another delivery of the same document finished at the same moment: record again on fresh state.
                }
            }
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private static async Task<DeliveryResult> SendAsync(IServiceProvider services, NotifyDbContext db, Delivery delivery, CancellationToken cancellationToken)
    {
        switch (delivery.Channel)
        {
            case DeliveryChannels.Email:
                return await services.GetRequiredService<EmailSender>().SendAsync(delivery, cancellationToken);
            case DeliveryChannels.Callback:
                // Signed with the tenant's callback secret as it is now (a rotation applies to the next attempt).
                var secret = await db.CallbackSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == delivery.TenantId, cancellationToken);
                return secret is null
                    ? DeliveryResult.Refused("The tenant has no callback secret.")
                    : await SignedAsync(services, delivery, delivery.Recipient, secret.ProtectedSecret, cancellationToken);
            default:
                var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == delivery.SubscriptionId, cancellationToken);
                return subscription is null or { DeletedAt: not null }
                    ? DeliveryResult.Refused("The subscription was deleted.")
                    : await SignedAsync(services, delivery, subscription.Url, subscription.ProtectedSecret, cancellationToken);
        }
    }

    /// <summary>
    /// Sends the delivery signed with its secret. A secret that cannot be read (notify's keys are
    /// missing) fails the attempt like an unreachable receiver: retried, then dead and re-drivable.
    /// </summary>
    private static Task<DeliveryResult> SignedAsync(IServiceProvider services, Delivery delivery, string url, string protectedSecret, CancellationToken cancellationToken) =>
        services.GetRequiredService<SigningSecretProtection>().TryReveal(protectedSecret, out var secret, out var problem)
            ? services.GetRequiredService<WebhookSender>().SendAsync(delivery, url, secret, cancellationToken)
            : Task.FromResult(DeliveryResult.Failed(problem));

    private async Task RecordAsync(Guid id, DateTimeOffset at, TimeSpan duration, DeliveryResult result, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NotifyDbContext>();
        var delivery = await db.Deliveries.FirstAsync(d => d.Id == id, cancellationToken);
        var settings = options.CurrentValue;
        delivery.Attempts++;
        delivery.Version++;
        delivery.LastError = result.Error is { Length: > 1000 } error ? error[..1000] : result.Error;
        db.DeliveryAttempts.Add(new DeliveryAttempt
        {
            DeliveryId = id, Number = delivery.Attempts, At = at, DurationMs = Math.Round(duration.TotalMilliseconds, 1),
            StatusCode = result.StatusCode, Succeeded = result.Succeeded, Error = delivery.LastError,
        });

        var finished = result.Succeeded || result.Permanent || delivery.Attempts >= delivery.AttemptsAllowed;
        WorkflowMetrics.DeliveryAttempts.Add(1, new TagList
        {
            { "workflow.channel", delivery.Channel }, { "workflow.outcome", result.Succeeded ? "delivered" : finished ? "dead" : "retry" },
        });
        if (finished)
        {
            delivery.Status = result.Succeeded ? DeliveryStatus.Delivered : DeliveryStatus.Dead;
            delivery.FinishedAt = clock.GetUtcNow();
            if (!result.Succeeded)
            {
                logger.LogWarning("Delivery {DeliveryId} ({Channel}, document {DocumentId}) is dead after {Attempts} attempt(s): {Error}",
                    id, delivery.Channel, delivery.DocumentId, delivery.Attempts, delivery.LastError);
            }

            if (delivery.CompletesDocument && await db.FindByKeyAsync<DocumentNotice>(delivery.DocumentId, cancellationToken) is { CompletedAt: null } notice)
            {
                notice.Delivered += result.Succeeded ? 1 : 0;
                notice.Dead += result.Succeeded ? 0 : 1;
                notice.Version++;
                await services.GetRequiredService<DocumentCompletion>().CompleteIfFinishedAsync(notice, cancellationToken);
            }
        }
        else
        {
            delivery.NextAttemptAt = clock.GetUtcNow() + RetrySchedule.Next(settings, delivery.Attempts, result.RetryAfter, Random.Shared);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

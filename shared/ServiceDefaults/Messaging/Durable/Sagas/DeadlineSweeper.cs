using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.ServiceDefaults.Messaging.Durable.Sagas;

/// <summary>
/// Saga timeouts without a message scheduler (none is available to us): a service polls its own
/// database for passed deadlines and, in one commit, publishes each timeout event through the
/// outbox and clears the deadline. A replica sweeping the same instance at the same moment loses
/// on the version token; the event's MessageId is derived from the instance and the deadline, so
/// even a repeat would be dropped by the receiving inbox.
/// </summary>
public abstract class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Publishes the timeout events due at <paramref name="now"/> and clears their deadlines (not saved here).</summary>
    protected abstract Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stoppingToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var due = await SweepAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
                if (due > 0)
                {
                    await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().SaveChangesAsync(stoppingToken);
                    logger.LogInformation("{Count} deadline(s) passed; their timeout events are committed", due);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another replica (or the saga itself) changed one of these instances first: next sweep.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deadline sweep failed; it will be tried again");
            }
        }
    }
}

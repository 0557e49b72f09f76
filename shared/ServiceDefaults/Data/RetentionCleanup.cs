using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Forgets rows once their retention window has passed, on a timer, each pass in its own scope;
/// a failed pass is logged and tried again at the next tick.
/// </summary>
public abstract class RetentionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is forgotten, for the log (<c>processed message ids</c>).</summary>
    protected abstract string What { get; }

    /// <returns>How many rows were removed.</returns>
    protected abstract Task<int> RemoveExpiredAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var removed = await RemoveExpiredAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} {What} past their retention", removed, What);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Forgetting expired {What} failed; it will be tried again", What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflow.ServiceDefaults.Hosting;

/// <summary>
/// Background work on a timer, at start and then every <see cref="Interval"/>, each pass in its own
/// scope; a failed pass is logged and the next tick tries again.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the work is, for the log when a pass fails.</summary>
    protected abstract string What { get; }

    protected virtual LogLevel FailureLevel => LogLevel.Warning;

    protected ILogger Logger => logger;

    protected abstract Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.Log(FailureLevel, e, "{What} failed; it will be tried again", What);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

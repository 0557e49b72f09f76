using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Every few seconds, how many committed events wait in the outbox and how old the oldest is,
/// for the <c>workflow.outbox.backlog</c> and <c>workflow.outbox.oldest_age</c> gauges: a relay
/// that cannot reach the broker shows as a growing backlog, not only as log lines.
/// </summary>
public sealed class OutboxBacklog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklog> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<ServiceDbContext>().OutboxMessages.AsNoTracking();
                var waiting = await outbox.CountAsync(stoppingToken);
                var oldest = waiting == 0 ? (DateTimeOffset?)null : await outbox.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(stoppingToken);
                WorkflowMetrics.ReportOutbox(waiting, oldest is { } at ? (clock.GetUtcNow() - at).TotalSeconds : 0);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Measuring the outbox backlog failed; it will be measured again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

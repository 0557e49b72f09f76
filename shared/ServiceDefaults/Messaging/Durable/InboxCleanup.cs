using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>Forgets processed message ids once they are older than the retention window.</summary>
public sealed class InboxCleanup(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DurableMessagingOptions> options, ILogger<InboxCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
                var before = clock.GetUtcNow() - options.Value.InboxRetention;
                var removed = await db.InboxMessages.Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} processed message ids older than {Before}", removed, before);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Inbox cleanup failed; it will be tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

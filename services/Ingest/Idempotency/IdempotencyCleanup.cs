using Microsoft.EntityFrameworkCore;
using Workflow.Ingest.Data;

namespace Workflow.Ingest.Idempotency;

/// <summary>Forgets idempotency keys once their window (24 hours by default) has passed.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IdempotencyCleanup> logger)
    : BackgroundService
{
    public const string WindowSetting = "Ingest:Idempotency:Window";

    public static TimeSpan WindowOf(IConfiguration configuration) => configuration.GetValue(WindowSetting, TimeSpan.FromHours(24));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
                var before = clock.GetUtcNow() - WindowOf(configuration);
                var removed = await db.IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Forgot {Count} idempotency keys older than {Before}", removed, before);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Idempotency key cleanup failed; it will be tried again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

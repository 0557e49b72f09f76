using Microsoft.EntityFrameworkCore;
using Workflow.Ingest.Data;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Ingest.Idempotency;

/// <summary>Forgets idempotency keys once their window (24 hours by default) has passed.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IdempotencyCleanup> logger)
    : RetentionCleanup(scopes, clock, logger)
{
    public const string WindowSetting = "Ingest:Idempotency:Window";

    public static TimeSpan WindowOf(IConfiguration configuration) => configuration.GetValue(WindowSetting, TimeSpan.FromHours(24));

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override string Forgotten => "idempotency keys";

    protected override Task<int> RemoveExpiredAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - WindowOf(configuration);
        return services.GetRequiredService<IngestDbContext>().IdempotencyRecords.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.ServiceDefaults.Http.Idempotency;

/// <summary>Forgets idempotency keys once their window (24 hours by default) has passed.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<IdempotencyCleanup> logger)
    : RetentionCleanup(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override string Forgotten => "idempotency keys";

    protected override Task<int> RemoveExpiredAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - IdempotencyKey.WindowOf(configuration);
        return services.GetRequiredService<ServiceDbContext>().IdempotentResponses.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.ServiceDefaults.Data;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>Forgets processed message ids once they are older than the retention window.</summary>
public sealed class InboxCleanup(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DurableMessagingOptions> options, ILogger<InboxCleanup> logger)
    : RetentionCleanup(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override string Forgotten => "processed message ids";

    protected override Task<int> RemoveExpiredAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - options.Value.InboxRetention;
        return services.GetRequiredService<ServiceDbContext>().InboxMessages.Where(m => m.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}

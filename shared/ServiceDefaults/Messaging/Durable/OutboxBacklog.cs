using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Hosting;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Every few seconds, how many committed events wait in the outbox and how old the oldest is,
/// for the <c>workflow.outbox.backlog</c> and <c>workflow.outbox.oldest_age</c> gauges: a relay
/// that cannot reach the broker shows as a growing backlog, not only as log lines.
/// </summary>
public sealed class OutboxBacklog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklog> logger)
    : PeriodicWork(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override string What => "Measuring the outbox backlog";

    protected override LogLevel FailureLevel => LogLevel.Debug;

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<ServiceDbContext>().OutboxMessages.AsNoTracking();
        var waiting = await outbox.CountAsync(cancellationToken);
        var oldest = waiting == 0 ? (DateTimeOffset?)null : await outbox.OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        WorkflowMetrics.ReportOutbox(waiting, oldest is { } at ? (now - at).TotalSeconds : 0);
    }
}

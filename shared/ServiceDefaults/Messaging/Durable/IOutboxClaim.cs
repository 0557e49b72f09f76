namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Reserves a batch of unpublished outbox rows for one relay pass, so replicas sharing a
/// database never publish the same row at the same time.
/// </summary>
public interface IOutboxClaim
{
    Task<int> ClaimAsync(ServiceDbContext db, Guid token, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken);
}

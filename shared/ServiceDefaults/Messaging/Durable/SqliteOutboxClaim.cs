using Microsoft.EntityFrameworkCore;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>SQLite has one writer at a time, so a single UPDATE … WHERE Id IN (SELECT … LIMIT n) is atomic.</summary>
public sealed class SqliteOutboxClaim : IOutboxClaim
{
    public Task<int> ClaimAsync(ServiceDbContext db, Guid token, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken)
    {
        var free = db.OutboxMessages
            .Where(m => m.LockedUntil == null || m.LockedUntil < now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(batchSize);
        return db.OutboxMessages
            .Where(m => free.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntil, until), cancellationToken);
    }
}

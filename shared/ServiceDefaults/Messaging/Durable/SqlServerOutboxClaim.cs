using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// SQL Server: rows locked by another replica's claim are skipped (READPAST) rather than waited
/// for, and rows read for the claim stay locked until it commits (UPDLOCK).
/// </summary>
public sealed class SqlServerOutboxClaim : IOutboxClaim
{
    public const string Sql = """
        WITH batch AS (
            SELECT TOP (@batchSize) [LockToken], [LockedUntil]
            FROM [OutboxMessages] WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE [LockedUntil] IS NULL OR [LockedUntil] < @now
            ORDER BY [Id])
        UPDATE batch SET [LockToken] = @token, [LockedUntil] = @until;
        """;

    public Task<int> ClaimAsync(ServiceDbContext db, Guid token, DateTimeOffset now, DateTimeOffset until, int batchSize, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(Sql,
            [
                new SqlParameter("@batchSize", batchSize),
                new SqlParameter("@now", now),
                new SqlParameter("@token", token),
                new SqlParameter("@until", until),
            ],
            cancellationToken);
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite's own handler wait for the writer
/// in millisecond steps (the ADO.NET driver's own retry sleeps far longer). synchronous=NORMAL
/// in WAL mode keeps every commit through a process crash (kill -9) and skips the fsync per
/// commit; only a power loss can take the last commits. SQL Server is the production store.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

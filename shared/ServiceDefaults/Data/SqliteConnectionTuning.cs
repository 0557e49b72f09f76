using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite's own handler wait for the writer
/// in millisecond steps (the ADO.NET driver's own retry sleeps far longer). synchronous=NORMAL
/// in WAL mode keeps every commit through a process crash (kill -9) and skips the fsync per
/// commit; only a power loss can take the last commits. SQL Server is the production store.
/// Both settings belong to the native connection, which Microsoft.Data.Sqlite pools: they are
/// applied once per native connection, not on every open.
/// </summary>
public sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    private readonly ConditionalWeakTable<object, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool NeedsTuning(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _tuned.TryAdd(handle, this);
}

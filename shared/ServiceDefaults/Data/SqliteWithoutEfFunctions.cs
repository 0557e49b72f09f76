using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Gives EF Core a plain <see cref="SqliteConnection"/>, without the SQL functions EF Core's SQLite
/// provider registers on every connection it creates (<c>ef_add</c>, <c>ef_compare</c>,
/// <c>ef_sum</c> and the rest of its decimal arithmetic, <c>regexp</c>, the <c>EF_DECIMAL</c>
/// collation). Microsoft.Data.Sqlite applies a connection's functions to the native connection on
/// every open and removes them on every close, and a unit of work opens one: under benchmark load
/// that was 1.9 % of the machine's CPU samples (perf), for functions no query here uses.
/// The cost: a LINQ query that compares, sorts or sums <see cref="decimal"/> columns in SQL, or
/// calls <c>Regex.IsMatch</c>, fails with "no such function"; do such work in memory, or drop this.
/// </summary>
public sealed class SqliteWithoutEfFunctions : DbConnectionInterceptor
{
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        eventData.ConnectionString is { } connectionString
            ? InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(connectionString))
            : result;
}

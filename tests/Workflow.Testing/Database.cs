using Microsoft.Data.Sqlite;

namespace Workflow.Testing;

/// <summary>Reads a service's SQLite database directly, to count effects rather than trust statuses.</summary>
public sealed class Database(string path)
{
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters));

    /// <summary>The text in the first column of the first row, or null.</summary>
    public async Task<string?> TextAsync(string sql, params (string Name, object Value)[] parameters) =>
        await ScalarAsync(sql, parameters) as string;

    private async Task<object?> ScalarAsync(string sql, (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    /// <summary>How many rows of <paramref name="table"/> belong to these documents.</summary>
    public Task<long> CountForAsync(string table, string idColumn, IReadOnlyCollection<Guid> ids) =>
        CountAsync($"SELECT COUNT(*) FROM {table} WHERE {idColumn} IN ({string.Join(',', ids.Select((_, i) => "$p" + i))})",
            ids.Select((id, i) => ("$p" + i, (object)id.ToString().ToUpperInvariant())).ToArray());

    /// <summary>Runs statements in one transaction (to set up a state a test needs, such as a backlog).</summary>
    public async Task ExecuteAsync(IEnumerable<(string Sql, (string Name, object Value)[] Parameters)> statements)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (sql, parameters) in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// SQLite has one writer at a time. A writer that finds the lock taken sleeps in SQLite's busy
/// handler (1, 2, 5, 10… ms) and polls again, so under concurrent consumers most of a hop's time
/// was spent asleep while the lock stood free. This gate queues this process's writers in memory
/// instead: the next one starts the moment the previous one commits. It covers write
/// transactions (SaveChanges, migrations) and single write statements outside a transaction
/// (ExecuteUpdate/ExecuteDelete). Another process on the same file (a second replica) still
/// meets the busy handler. Hand-written: neither EF Core nor Microsoft.Data.Sqlite has this.
/// </summary>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Connections that hold the gate now (a transaction, or a write statement in flight).</summary>
    private readonly ConditionalWeakTable<DbConnection, object> _holders = [];

    /// <summary>Each open transaction's connection (a committed SQLite transaction forgets its own).</summary>
    private readonly ConditionalWeakTable<DbTransaction, DbConnection> _transactions = [];

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        _transactions.AddOrUpdate(result, connection);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        _transactions.AddOrUpdate(result, connection);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Ended(transaction);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Ended(transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (SaveChanges threw) is rolled back by
    // SQLite when EF closes the connection; no transaction event says so, the close does.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Leave(connection);
        return Task.CompletedTask;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterForLoneWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterForLoneWriteAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterForLoneWrite(command);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterForLoneWriteAsync(command, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAfterLoneWrite(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAfterLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    // A write with RETURNING holds SQLite's lock until its reader is done.
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAfterLoneWrite(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveAfterLoneWrite(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveAfterLoneWrite(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAfterLoneWrite(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAfterLoneWrite(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveAfterLoneWrite(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        LeaveAfterLoneWrite(command);
        return Task.CompletedTask;
    }

    /// <summary>A statement that writes and runs in no transaction: SQLite takes the write lock for it alone.</summary>
    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null)
        {
            return false;
        }

        var text = command.CommandText.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    private void EnterForLoneWrite(DbCommand command)
    {
        if (IsLoneWrite(command))
        {
            Enter(command.Connection!);
        }
    }

    private ValueTask EnterForLoneWriteAsync(DbCommand command, CancellationToken cancellationToken) =>
        IsLoneWrite(command) ? EnterAsync(command.Connection!, cancellationToken) : ValueTask.CompletedTask;

    private void LeaveAfterLoneWrite(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is not null)
        {
            Leave(command.Connection);
        }
    }

    private void Enter(DbConnection connection)
    {
        if (!_holders.TryGetValue(connection, out _))
        {
            _writer.Wait();
            _holders.AddOrUpdate(connection, this);
        }
    }

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_holders.TryGetValue(connection, out _))
        {
            await _writer.WaitAsync(cancellationToken);
            _holders.AddOrUpdate(connection, this);
        }
    }

    private void Ended(DbTransaction transaction)
    {
        if (_transactions.TryGetValue(transaction, out var connection))
        {
            _transactions.Remove(transaction);
            Leave(connection);
        }
    }

    private void Leave(DbConnection connection)
    {
        if (_holders.Remove(connection))
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}

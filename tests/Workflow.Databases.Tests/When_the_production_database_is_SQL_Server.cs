using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Databases.Tests;

/// <summary>No SQL Server can run here: its SQL is generated and parsed instead of executed.</summary>
public sealed class When_the_production_database_is_SQL_Server
{
    [Fact]
    public void The_relay_claim_is_valid_tsql_that_skips_and_holds_locked_rows()
    {
        var fragment = TSql.Parse(SqlServerOutboxClaim.Sql);

        var hints = TSql.TableHints(fragment);
        Assert.Contains(TableHintKind.UpdLock, hints);
        Assert.Contains(TableHintKind.ReadPast, hints);
        Assert.Contains(TableHintKind.Rowlock, hints);
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases.Services), MemberType = typeof(ServiceDatabases))]
    public void Each_service_migration_script_is_valid_tsql_with_its_inbox_and_outbox(string service)
    {
        using var db = ServiceDatabases.SqlServer(service);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        TSql.Parse(script);
        Assert.Contains("CREATE TABLE [InboxMessages]", script);
        Assert.Contains("CREATE TABLE [OutboxMessages]", script);
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases.Services), MemberType = typeof(ServiceDatabases))]
    public void Each_service_model_is_fully_migrated(string service)
    {
        using var db = ServiceDatabases.SqlServer(service);

        Assert.False(db.Database.HasPendingModelChanges(), $"{service} has SQL Server model changes without a migration: run scripts/add-migration.sh");
    }
}

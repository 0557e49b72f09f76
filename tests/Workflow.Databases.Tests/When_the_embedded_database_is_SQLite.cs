using Microsoft.EntityFrameworkCore;

namespace Workflow.Databases.Tests;

public sealed class When_the_embedded_database_is_SQLite : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("workflow-sqlite-").FullName;

    [Theory]
    [MemberData(nameof(ServiceDatabases.Services), MemberType = typeof(ServiceDatabases))]
    public async Task Each_service_migrates_a_new_file_and_its_model_is_fully_migrated(string service)
    {
        await using var db = ServiceDatabases.Sqlite(service, Path.Combine(_directory, service + ".db"));

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), $"{service} has SQLite model changes without a migration: run scripts/add-migration.sh");
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        Assert.Equal(0, await db.InboxMessages.CountAsync());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

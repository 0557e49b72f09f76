using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Databases.Tests;

/// <summary>Every service's database, per provider, built without connecting to anything.</summary>
public static class ServiceDatabases
{
    private const string NoServer = "Server=unused;Database=unused";

    public static TheoryData<string> Services => new() { "Ingest", "Extract", "Classify", "Route", "Notify" };

    public static ServiceDbContext SqlServer(string service) => service switch
    {
        "Ingest" => new Ingest.Data.SqlServerIngestDbContext(Options<Ingest.Data.SqlServerIngestDbContext>(o => o.UseSqlServer(NoServer))),
        "Extract" => new Extract.Data.SqlServerExtractDbContext(Options<Extract.Data.SqlServerExtractDbContext>(o => o.UseSqlServer(NoServer))),
        "Classify" => new Classify.Data.SqlServerClassifyDbContext(Options<Classify.Data.SqlServerClassifyDbContext>(o => o.UseSqlServer(NoServer))),
        "Route" => new Route.Data.SqlServerRouteDbContext(Options<Route.Data.SqlServerRouteDbContext>(o => o.UseSqlServer(NoServer))),
        "Notify" => new Notify.Data.SqlServerNotifyDbContext(Options<Notify.Data.SqlServerNotifyDbContext>(o => o.UseSqlServer(NoServer))),
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public static ServiceDbContext Sqlite(string service, string path)
    {
        var connection = $"Data Source={path}";
        return service switch
        {
            "Ingest" => new Ingest.Data.SqliteIngestDbContext(Options<Ingest.Data.SqliteIngestDbContext>(o => o.UseSqlite(connection))),
            "Extract" => new Extract.Data.SqliteExtractDbContext(Options<Extract.Data.SqliteExtractDbContext>(o => o.UseSqlite(connection))),
            "Classify" => new Classify.Data.SqliteClassifyDbContext(Options<Classify.Data.SqliteClassifyDbContext>(o => o.UseSqlite(connection))),
            "Route" => new Route.Data.SqliteRouteDbContext(Options<Route.Data.SqliteRouteDbContext>(o => o.UseSqlite(connection))),
            "Notify" => new Notify.Data.SqliteNotifyDbContext(Options<Notify.Data.SqliteNotifyDbContext>(o => o.UseSqlite(connection))),
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
    }

    private static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder<T>> configure)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }
}

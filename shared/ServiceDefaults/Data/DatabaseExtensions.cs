using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workflow.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own database. <typeparamref name="TContext"/> is what the service
    /// uses; the provider-specific subclasses exist only so each provider has its own migrations.
    /// The connection string is <c>ConnectionStrings:{connectionName}</c> (as Aspire sets it);
    /// without one, a SQLite file in <c>Workflow:DataDirectory</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(
        this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        var provider = builder.Configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(connectionName);

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= $"Data Source={Path.Combine(DataDirectory(builder.Configuration), connectionName + ".db")}";
                EnsureSqliteDirectory(connectionString);
                builder.Services.AddDbContextPool<TContext, TSqlite>(o => o.UseSqlite(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{connectionName} is not set.");
                }

                builder.Services.AddDbContextPool<TContext, TSqlServer>(o => o.UseSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'.");
        }

        builder.Services.AddSingleton(new DatabaseSettings(provider));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database", tags: [Extensions.ReadyTag]);
        return builder;
    }

    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Workflow:DataDirectory"] ?? ".workflow");

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

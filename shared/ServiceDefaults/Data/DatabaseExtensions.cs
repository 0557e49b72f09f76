using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own database. <typeparamref name="TContext"/> is what the service
    /// uses; the provider-specific subclasses exist only so each provider has its own migrations.
    /// The connection string is <c>ConnectionStrings:{connectionName}</c> (as Aspire sets it);
    /// without one, a SQLite file in <c>Workflow:DataDirectory</c>. A service adds its own EF Core
    /// interceptors by registering them as <see cref="IInterceptor"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(
        this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
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
                builder.Services.AddDbContextPool<TContext, TSqlite>((sp, o) =>
                    o.UseSqlite(connectionString).AddInterceptors(
                        sp.GetRequiredService<OutboxCommitInterceptor>(), new SqliteWithoutEfFunctions(), new SqliteConnectionTuning(), sp.GetRequiredService<SqliteWriteGate>())
                        .AddInterceptors(sp.GetServices<IInterceptor>()));
                builder.Services.AddSingleton<SqliteWriteGate>();
                builder.Services.AddSingleton<IOutboxClaim, SqliteOutboxClaim>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        $"Database:Provider is SqlServer but ConnectionStrings:{connectionName} is not set.");
                }

                builder.Services.AddDbContextPool<TContext, TSqlServer>((sp, o) =>
                    o.UseSqlServer(connectionString).AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>())
                        .AddInterceptors(sp.GetServices<IInterceptor>()));
                builder.Services.AddSingleton<IOutboxClaim, SqlServerOutboxClaim>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'.");
        }

        builder.Services.AddSingleton(new DatabaseSettings(provider));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxHandoff>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddScoped<EventOutbox>();
        builder.Services.AddHostedService<Http.Idempotency.IdempotencyCleanup>();
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

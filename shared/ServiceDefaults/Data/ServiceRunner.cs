using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflow.ServiceDefaults.Data;

public static class ServiceRunner
{
    public const string MigrateCommand = "migrate";

    /// <summary>
    /// Runs the service; with <c>keys …</c> manages the API keys (<see cref="Auth.KeysCommand"/>);
    /// or, with the argument <c>migrate</c>, applies the database migrations
    /// and exits: the migration step that the AppHost (and a Kubernetes Job) runs once before
    /// the service starts, so replicas never race to migrate.
    /// </summary>
    public static async Task<int> RunServiceAsync<TContext>(this WebApplication app, string[] args)
        where TContext : DbContext
    {
        if (args.FirstOrDefault() == Auth.KeysCommand.Name)
        {
            return Auth.KeysCommand.Run(args, app.Configuration, Console.Out, Console.Error);
        }

        if (!args.Contains(MigrateCommand, StringComparer.OrdinalIgnoreCase))
        {
            await app.RunAsync();
            return 0;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceRunner));
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        logger.LogInformation("Applied {Count} migration(s) to the {Context} database", pending.Count, typeof(TContext).Name);
        return 0;
    }
}

using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Route.Data;

public sealed class SqliteRouteDbContext(DbContextOptions<SqliteRouteDbContext> options) : RouteDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

internal sealed class SqliteRouteDbContextFactory : SqliteDesignTimeFactory<SqliteRouteDbContext>;

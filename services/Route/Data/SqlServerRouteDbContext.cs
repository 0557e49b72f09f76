using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Route.Data;

public sealed class SqlServerRouteDbContext(DbContextOptions<SqlServerRouteDbContext> options) : RouteDbContext(options);

internal sealed class SqlServerRouteDbContextFactory : SqlServerDesignTimeFactory<SqlServerRouteDbContext>;

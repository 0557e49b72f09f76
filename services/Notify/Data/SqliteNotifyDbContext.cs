using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Notify.Data;

public sealed class SqliteNotifyDbContext(DbContextOptions<SqliteNotifyDbContext> options) : NotifyDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

internal sealed class SqliteNotifyDbContextFactory : SqliteDesignTimeFactory<SqliteNotifyDbContext>;

using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Classify.Data;

public sealed class SqliteClassifyDbContext(DbContextOptions<SqliteClassifyDbContext> options) : ClassifyDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

internal sealed class SqliteClassifyDbContextFactory : SqliteDesignTimeFactory<SqliteClassifyDbContext>;

using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Extract.Data;

public sealed class SqliteExtractDbContext(DbContextOptions<SqliteExtractDbContext> options) : ExtractDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

internal sealed class SqliteExtractDbContextFactory : SqliteDesignTimeFactory<SqliteExtractDbContext>;

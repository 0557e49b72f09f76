using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Ingest.Data;

public sealed class SqliteIngestDbContext(DbContextOptions<SqliteIngestDbContext> options) : IngestDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseSqliteConventions();
}

internal sealed class SqliteIngestDbContextFactory : SqliteDesignTimeFactory<SqliteIngestDbContext>;

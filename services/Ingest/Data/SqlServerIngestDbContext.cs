using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Ingest.Data;

public sealed class SqlServerIngestDbContext(DbContextOptions<SqlServerIngestDbContext> options) : IngestDbContext(options);

internal sealed class SqlServerIngestDbContextFactory : SqlServerDesignTimeFactory<SqlServerIngestDbContext>;

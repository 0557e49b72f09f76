using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Extract.Data;

public sealed class SqlServerExtractDbContext(DbContextOptions<SqlServerExtractDbContext> options) : ExtractDbContext(options);

internal sealed class SqlServerExtractDbContextFactory : SqlServerDesignTimeFactory<SqlServerExtractDbContext>;

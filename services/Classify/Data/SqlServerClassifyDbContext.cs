using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Classify.Data;

public sealed class SqlServerClassifyDbContext(DbContextOptions<SqlServerClassifyDbContext> options) : ClassifyDbContext(options);

internal sealed class SqlServerClassifyDbContextFactory : SqlServerDesignTimeFactory<SqlServerClassifyDbContext>;

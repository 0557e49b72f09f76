using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Notify.Data;

public sealed class SqlServerNotifyDbContext(DbContextOptions<SqlServerNotifyDbContext> options) : NotifyDbContext(options);

internal sealed class SqlServerNotifyDbContextFactory : SqlServerDesignTimeFactory<SqlServerNotifyDbContext>;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> create a provider's context without starting the
/// service. Each service derives one per provider-specific context.
/// </summary>
public abstract class SqliteDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    public T CreateDbContext(string[] args) =>
        (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseSqlite("Data Source=design-time.db").Options)!;
}

public abstract class SqlServerDesignTimeFactory<T> : IDesignTimeDbContextFactory<T>
    where T : DbContext
{
    public T CreateDbContext(string[] args) =>
        (T)Activator.CreateInstance(typeof(T), new DbContextOptionsBuilder<T>().UseSqlServer("Server=design-time;Database=design-time").Options)!;
}

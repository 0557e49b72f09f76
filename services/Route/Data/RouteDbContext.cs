using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.Data;

public abstract class RouteDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentRouting> Routings => Set<DocumentRouting>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var routing = modelBuilder.Entity<DocumentRouting>();
        routing.HasKey(r => r.DocumentId);
        routing.Property(r => r.DocumentId).ValueGeneratedNever();
        routing.Property(r => r.Category).HasMaxLength(100);
        routing.Property(r => r.RuleId).HasMaxLength(100);
        routing.Property(r => r.Department).HasMaxLength(100);
    }
}

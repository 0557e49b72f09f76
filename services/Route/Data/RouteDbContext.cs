using Microsoft.EntityFrameworkCore;
using Workflow.Route.StateMachines;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.Data;

public abstract class RouteDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentRoutingState> Routings => Set<DocumentRoutingState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var routing = modelBuilder.Entity<DocumentRoutingState>();
        routing.ToTable("Routings");
        routing.HasKey(r => r.CorrelationId);
        routing.Property(r => r.CorrelationId).HasColumnName("DocumentId").ValueGeneratedNever();
        routing.Property(r => r.CurrentState).HasMaxLength(64);
        routing.Property(r => r.TenantId).HasMaxLength(Workflow.Contracts.Tenants.MaxLength).HasDefaultValue(Workflow.Contracts.Tenants.Default);
        routing.Property(r => r.Version).IsConcurrencyToken();
        routing.HasIndex(r => new { r.CurrentState, r.ReviewDeadline });
        routing.Property(r => r.Category).HasMaxLength(100);
        routing.Property(r => r.RuleId).HasMaxLength(100);
        routing.Property(r => r.RulesVersion).HasMaxLength(100);
        routing.Property(r => r.Department).HasMaxLength(100);
        routing.Property(r => r.Source).HasMaxLength(100);
        routing.Property(r => r.Sender).HasMaxLength(320);
        routing.Property(r => r.ReviewReason).HasMaxLength(500);
        routing.Property(r => r.ReviewDecision).HasMaxLength(20);
        routing.Property(r => r.Reviewer).HasMaxLength(200);
        routing.Property(r => r.ReviewerKeyId).HasMaxLength(32);
        routing.Property(r => r.ReviewComment).HasMaxLength(2000);
        routing.HasIndex(r => r.ReviewRequestedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Ingest.Documents;
using Workflow.Ingest.Timeline;

namespace Workflow.Ingest.Data;

public abstract class IngestDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var document = modelBuilder.Entity<Document>();
        document.HasKey(d => d.CorrelationId);
        document.Property(d => d.CorrelationId).HasColumnName("Id").ValueGeneratedNever();
        document.Ignore(d => d.Id);
        document.Ignore(d => d.Status);
        document.Property(d => d.FileName).HasMaxLength(260);
        document.Property(d => d.ContentType).HasMaxLength(200);
        document.Property(d => d.Source).HasMaxLength(100);
        document.Property(d => d.ExternalRef).HasMaxLength(200);
        document.Property(d => d.StorageKey).HasMaxLength(300);
        document.Property(d => d.CallbackUrl).HasMaxLength(Workflow.ServiceDefaults.Messaging.CallbackUrl.MaxLength);
        document.Property(d => d.TenantId).HasMaxLength(Tenants.MaxLength).HasDefaultValue(Tenants.Default);
        document.Property(d => d.CurrentState).HasColumnName("Status").HasMaxLength(20);
        document.Property(d => d.Category).HasMaxLength(100);
        document.Property(d => d.Department).HasMaxLength(100);
        document.Property(d => d.FailedStep).HasMaxLength(20);
        document.Property(d => d.FailureReason).HasMaxLength(2000);
        document.Property(d => d.Version).IsConcurrencyToken();
        document.HasIndex(d => new { d.TenantId, d.CreatedAt });
        document.HasIndex(d => new { d.CurrentState, d.CreatedAt });

        var timeline = modelBuilder.Entity<TimelineEntry>();
        timeline.ToTable("TimelineEntries");
        timeline.HasKey(t => t.Id);
        timeline.Property(t => t.Service).HasMaxLength(20);
        timeline.Property(t => t.Event).HasMaxLength(50);
        timeline.Property(t => t.TraceId).HasMaxLength(32);
        timeline.HasIndex(t => new { t.DocumentId, t.At });
    }
}

using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Data;

public abstract class IngestDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var document = modelBuilder.Entity<Document>();
        document.HasKey(d => d.Id);
        document.Property(d => d.Id).ValueGeneratedNever();
        document.Property(d => d.FileName).HasMaxLength(260);
        document.Property(d => d.ContentType).HasMaxLength(200);
        document.Property(d => d.Source).HasMaxLength(100);
        document.Property(d => d.ExternalRef).HasMaxLength(200);
        document.Property(d => d.StorageKey).HasMaxLength(300);
        document.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        document.Property(d => d.Category).HasMaxLength(100);
        document.Property(d => d.Department).HasMaxLength(100);
        document.Property(d => d.FailedStep).HasMaxLength(20);
        document.Property(d => d.FailureReason).HasMaxLength(2000);
        document.Property(d => d.Version).IsConcurrencyToken();
        document.HasIndex(d => new { d.Status, d.CreatedAt });
    }
}

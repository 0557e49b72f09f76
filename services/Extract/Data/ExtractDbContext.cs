using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Extract.Data;

public abstract class ExtractDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentExtraction> Extractions => Set<DocumentExtraction>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var extraction = modelBuilder.Entity<DocumentExtraction>();
        extraction.HasKey(e => e.DocumentId);
        extraction.Property(e => e.DocumentId).ValueGeneratedNever();
        extraction.Property(e => e.Format).HasMaxLength(20);
        extraction.Property(e => e.TextStorageKey).HasMaxLength(300);
        extraction.Property(e => e.FailureReason).HasMaxLength(2000);
    }
}

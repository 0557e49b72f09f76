using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Classify.Data;

public abstract class ClassifyDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentClassification> Classifications => Set<DocumentClassification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var classification = modelBuilder.Entity<DocumentClassification>();
        classification.HasKey(c => c.DocumentId);
        classification.Property(c => c.DocumentId).ValueGeneratedNever();
        classification.Property(c => c.Category).HasMaxLength(100);
        classification.Property(c => c.Classifier).HasMaxLength(100);
        classification.Property(c => c.Explanation).HasMaxLength(2000);
        classification.Property(c => c.CostUsd).HasPrecision(18, 6);
    }
}

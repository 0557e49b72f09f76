using Microsoft.EntityFrameworkCore;

namespace Workflow.Classify.Data;

public abstract class ClassifyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DocumentClassification> Classifications => Set<DocumentClassification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var classification = modelBuilder.Entity<DocumentClassification>();
        classification.HasKey(c => c.DocumentId);
        classification.Property(c => c.DocumentId).ValueGeneratedNever();
        classification.Property(c => c.Category).HasMaxLength(100);
        classification.Property(c => c.Classifier).HasMaxLength(100);
        classification.Property(c => c.Explanation).HasMaxLength(2000);
    }
}

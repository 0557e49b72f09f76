using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Notify.Data;

public abstract class NotifyDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var notification = modelBuilder.Entity<Notification>();
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.Channel).HasMaxLength(20);
        notification.Property(n => n.Recipient).HasMaxLength(300);
        notification.Property(n => n.Subject).HasMaxLength(500);
        // One notification per document and channel, however often the event is delivered.
        notification.HasIndex(n => new { n.DocumentId, n.Channel, n.Recipient }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.Notify.Webhooks;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Notify.Data;

public abstract class NotifyDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DocumentNotice> Notices => Set<DocumentNotice>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();
    public DbSet<CallbackSecret> CallbackSecrets => Set<CallbackSecret>();

    /// <summary>The save in progress adds deliveries (set by the delivery commit interceptor).</summary>
    internal bool AddsDeliveries { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        var notice = modelBuilder.Entity<DocumentNotice>();
        notice.ToTable("DocumentNotices");
        notice.HasKey(n => n.DocumentId);
        notice.Property(n => n.DocumentId).ValueGeneratedNever();
        notice.Property(n => n.TenantId).HasMaxLength(Tenants.MaxLength).HasDefaultValue(Tenants.Default);
        notice.Property(n => n.Category).HasMaxLength(100);
        notice.Property(n => n.Department).HasMaxLength(100);
        notice.Property(n => n.Version).IsConcurrencyToken();

        var delivery = modelBuilder.Entity<Delivery>();
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Id).ValueGeneratedNever();
        delivery.Property(d => d.TenantId).HasMaxLength(Tenants.MaxLength).HasDefaultValue(Tenants.Default);
        delivery.HasIndex(d => new { d.TenantId, d.Channel, d.CreatedAt });
        delivery.Property(d => d.Channel).HasMaxLength(20);
        delivery.Property(d => d.Recipient).HasMaxLength(2000);
        delivery.Property(d => d.EventType).HasMaxLength(50);
        delivery.Property(d => d.TraceParent).HasMaxLength(64);
        delivery.Property(d => d.LastError).HasMaxLength(1000);
        delivery.Property(d => d.Version).IsConcurrencyToken();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        delivery.HasIndex(d => d.DocumentId);
        delivery.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId);

        var attempt = modelBuilder.Entity<DeliveryAttempt>();
        attempt.HasKey(a => a.Id);
        attempt.Property(a => a.Error).HasMaxLength(1000);

        var subscription = modelBuilder.Entity<WebhookSubscription>();

        subscription.Property(s => s.TenantId).HasMaxLength(Tenants.MaxLength).HasDefaultValue(Tenants.Default);

        subscription.HasIndex(s => s.TenantId);
        subscription.ToTable("WebhookSubscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.Id).ValueGeneratedNever();
        subscription.Property(s => s.Url).HasMaxLength(2000);
        subscription.Property(s => s.EventTypes).HasMaxLength(500);
        subscription.Property(s => s.ProtectedSecret).HasColumnName("Secret").HasMaxLength(SigningSecretProtection.MaxStoredLength);
        subscription.Property(s => s.Description).HasMaxLength(500);

        var callbackSecret = modelBuilder.Entity<CallbackSecret>();
        callbackSecret.ToTable("CallbackSecrets");
        callbackSecret.HasKey(s => s.TenantId);
        callbackSecret.Property(s => s.TenantId).HasMaxLength(Tenants.MaxLength);
        callbackSecret.Property(s => s.ProtectedSecret).HasColumnName("Secret").HasMaxLength(SigningSecretProtection.MaxStoredLength);
    }
}

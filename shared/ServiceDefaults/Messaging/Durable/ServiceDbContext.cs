using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Http.Idempotency;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// The base of every service's database: the service's own tables plus its inbox and outbox,
/// so state and messages commit in one transaction, and the responses kept for idempotency keys.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>First responses to requests with an <c>Idempotency-Key</c>.</summary>
    public DbSet<IdempotentResponse> IdempotentResponses => Set<IdempotentResponse>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var inbox = modelBuilder.Entity<InboxMessage>();
        inbox.HasKey(m => new { m.MessageId, m.Consumer });
        inbox.Property(m => m.MessageId).HasMaxLength(64);
        inbox.Property(m => m.Consumer).HasMaxLength(200);
        inbox.HasIndex(m => m.ProcessedAt);

        var outbox = modelBuilder.Entity<OutboxMessage>();
        outbox.HasKey(m => m.Id);
        outbox.Property(m => m.MessageType).HasMaxLength(200);
        outbox.Property(m => m.TraceParent).HasMaxLength(100);
        outbox.HasIndex(m => m.LockToken);

        IdempotentResponse.Configure(modelBuilder);
    }
}

using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;

namespace Workflow.ServiceDefaults.Http.Idempotency;

/// <summary>
/// The first response to a request that carried an <c>Idempotency-Key</c>, so a repeat of the
/// request (a client retrying after a timeout) gets the same answer instead of a second effect.
/// While the first request runs, the row is a claim (<see cref="CompletedAt"/> null).
/// </summary>
public sealed class IdempotentResponse
{
    /// <summary>Keys are the tenant's own: two tenants may pick the same one.</summary>
    public required string TenantId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of what the request asked for; the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ContentType { get; set; }
    public string Body { get; set; } = "";
    public required DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the first request's response was recorded; null while it runs.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        var response = modelBuilder.Entity<IdempotentResponse>();
        response.ToTable("IdempotentResponses");
        response.HasKey(r => new { r.TenantId, r.Key });
        response.Property(r => r.TenantId).HasMaxLength(Tenants.MaxLength);
        response.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
        response.Property(r => r.RequestHash).HasMaxLength(64);
        response.Property(r => r.Location).HasMaxLength(500);
        response.Property(r => r.ContentType).HasMaxLength(200);
        response.HasIndex(r => r.CreatedAt);
    }
}

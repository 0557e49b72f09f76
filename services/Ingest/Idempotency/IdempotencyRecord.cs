namespace Workflow.Ingest.Idempotency;

/// <summary>
/// The first response to a request that carried an <c>Idempotency-Key</c>, committed with the
/// document it created, so a repeat of the request (a client retrying after a timeout) gets the
/// same answer instead of a second document.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Keys are the tenant's own: two tenants may pick the same one.</summary>
    public required string TenantId { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of what the request asked for; the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public required Guid DocumentId { get; init; }
    public required int StatusCode { get; init; }
    public required string Location { get; init; }
    public required string ResponseJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}

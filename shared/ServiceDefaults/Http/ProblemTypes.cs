namespace Workflow.ServiceDefaults.Http;

/// <summary>
/// Stable <c>type</c> URIs of RFC 9457 problem details, so clients can act on the kind of error
/// without parsing its human-readable title.
/// </summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:workflow:problem:";

    public const string InvalidIdempotencyKey = Prefix + "invalid-idempotency-key";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string IdempotencyKeyInProgress = Prefix + "idempotency-key-in-progress";
    public const string RateLimited = Prefix + "rate-limited";
    public const string InvalidRequest = Prefix + "invalid-request";
}

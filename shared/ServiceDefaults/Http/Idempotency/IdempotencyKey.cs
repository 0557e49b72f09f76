using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Workflow.ServiceDefaults.Http.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header: reading it, its window, and the answers about a key already used.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a response that repeats the stored first response.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 200;

    public const string WindowSetting = "Idempotency:Window";

    public static TimeSpan WindowOf(IConfiguration configuration) => configuration.GetValue(WindowSetting, TimeSpan.FromHours(24));

    /// <summary>The key from the request, none, or a problem when the header is malformed.</summary>
    public static (string? Key, IResult? Problem) Of(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        var key = values.Count == 1 ? values[0] : null;
        return key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= '!' and <= '~')
            ? (key, null)
            : (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Header] = [$"Give one key of 1 to {MaxLength} visible ASCII characters (a UUID is a good key)."] },
                title: "The Idempotency-Key header is not valid", type: ProblemTypes.InvalidIdempotencyKey));
    }

    /// <summary>The stored first response again, or 422 when the key was first used for another request.</summary>
    public static IResult Replay(IdempotentResponse previous, string key, string requestHash) =>
        previous.RequestHash == requestHash
            ? new ReplayedResponse(previous)
            : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ProblemTypes.IdempotencyKeyReused,
                title: "The Idempotency-Key was used for a different request",
                detail: $"The key '{key}' was first used at {previous.CreatedAt:O} for another request. Use a new key for a new request.");
}

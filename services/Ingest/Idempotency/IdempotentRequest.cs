using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Ingest.Apis;
using Workflow.ServiceDefaults.Http;

namespace Workflow.Ingest.Idempotency;

/// <summary>An upload's <c>Idempotency-Key</c> header and the fingerprint of what it asked for.</summary>
public sealed record IdempotentRequest(string Key, string RequestHash)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a response that repeats the stored first response.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 200;

    /// <summary>The key from the request, none, or a problem when the header is malformed.</summary>
    public static (string? Key, IResult? Problem) KeyOf(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }

        var key = values.Count == 1 ? values[0] : null;
        return key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~')
            ? (key, null)
            : (null, TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [Header] = [$"Give one key of 1 to {MaxKeyLength} visible ASCII characters (a UUID is a good key)."] },
                title: "The Idempotency-Key header is not valid", type: ProblemTypes.InvalidIdempotencyKey));
    }

    /// <summary>
    /// What the upload asks for, whatever its framing: the same file, name, type, source,
    /// reference and callback give the same hash, whether sent as multipart (any boundary) or as JSON.
    /// </summary>
    public static IdempotentRequest For(string key, UploadRequest upload)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { upload.FileName, upload.ContentType, upload.Source, upload.ExternalRef, upload.CallbackUrl })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(field ?? "\u0001"));
            hash.AppendData([0]);
        }

        hash.AppendData(upload.Content);
        return new IdempotentRequest(key, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

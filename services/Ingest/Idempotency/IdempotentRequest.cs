using System.Security.Cryptography;
using System.Text;
using Workflow.Ingest.Apis;

namespace Workflow.Ingest.Idempotency;

/// <summary>An upload's <c>Idempotency-Key</c> and the fingerprint of what it asked for.</summary>
public sealed record IdempotentRequest(string Key, string RequestHash)
{
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

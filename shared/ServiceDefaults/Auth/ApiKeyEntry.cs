using System.Security.Cryptography;
using System.Text;

namespace Workflow.ServiceDefaults.Auth;

/// <summary>
/// One API key as stored: never the key, only its SHA-256 (a key is 256 random bits, so a fast
/// hash is enough; nothing to brute-force), with its tenant and roles.
/// </summary>
public sealed record ApiKeyEntry(string Id, string Hash, string Tenant, IReadOnlyList<string> Roles, string? Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public const string Prefix = "wf_";

    /// <summary>A new key (shown once) and its entry: <c>wf_{id}_{secret}</c>; the id finds the entry, the hash proves the secret.</summary>
    public static (string Key, ApiKeyEntry Entry) Create(string tenant, IReadOnlyList<string> roles, string? name, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (key, new ApiKeyEntry(id, HashOf(key), tenant, roles, name, now));
    }

    /// <summary>The id part of a presented key, or null when it does not look like one of ours.</summary>
    public static string? IdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var separator = key.IndexOf('_', Prefix.Length);
        return separator > Prefix.Length ? key[Prefix.Length..separator] : null;
    }

    public bool Matches(string key) =>
        RevokedAt is null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(key)), Encoding.ASCII.GetBytes(Hash));

    public static string HashOf(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

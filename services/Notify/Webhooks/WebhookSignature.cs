using System.Security.Cryptography;
using System.Text;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Signs deliveries the Standard Webhooks way (standardwebhooks.com), so receivers can use any
/// of its libraries: <c>webhook-signature: v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>
/// where the key is the base64 after <c>whsec_</c>. Receivers reject timestamps more than a few
/// minutes old (replays) and deduplicate by <c>webhook-id</c>. Written here because no served
/// package implements it; it is a few lines over the BCL's HMAC.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    /// <summary>What every secret starts with (and no protected value does).</summary>
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A secret is <c>whsec_</c> and the base64 of 24 to 64 random bytes.</summary>
    public static bool IsValidSecret(string secret) => Key(secret) is { Length: >= 24 and <= 64 };

    /// <summary>Whether a stored value is a secret as it is (<c>whsec_…</c>) rather than a protected one.</summary>
    public static bool IsPlain(string stored) => stored.StartsWith(SecretPrefix, StringComparison.Ordinal);

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Key(secret) ?? throw new ArgumentException("Not a webhook secret.", nameof(secret));
        var signature = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(signature);
    }

    private static byte[]? Key(string secret)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Signing secrets (each subscription's, each tenant's callback secret) are kept in notify's
/// database encrypted with ASP.NET Core Data Protection, whose keys live outside the database
/// (<see cref="SigningKeys"/>): a copy of the database alone cannot sign a forged delivery.
/// Rows written before secrets were encrypted hold the plain <c>whsec_</c> value, which is read as it is
/// (a protected value never starts with <c>whsec_</c>) until <see cref="SigningSecretsUpkeep"/> encrypts them.
/// </summary>
public sealed class SigningSecretProtection(IDataProtectionProvider provider)
{
    /// <summary>Names the keys' use: a value protected for another purpose does not open here.</summary>
    private const string Purpose = "Workflow.Notify.SigningSecrets.v1";

    /// <summary>
    /// Room for a protected secret: the longest accepted one (64 bytes, 94 characters) protects to
    /// 240 characters with the default algorithms (AES-256-CBC, HMAC-SHA256).
    /// </summary>
    public const int MaxStoredLength = 400;

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    /// <summary>
    /// The secret encrypted again under the key ring's current key, when it was encrypted under an
    /// older one (the ring makes a new key every 90 days; older ones still decrypt, and a revoked one
    /// still decrypts here, so its secrets can move off it); null when it is current, plain or unreadable
    /// (<see cref="TryReveal"/> says why at delivery).
    /// </summary>
    public string? ReprotectedIfOld(string stored)
    {
        if (WebhookSignature.IsPlain(stored) || _protector is not IPersistedDataProtector persisted)
        {
            return null;
        }

        try
        {
            // The string form of Protect is base64url of the protected UTF-8 bytes.
            var secret = persisted.DangerousUnprotect(Base64Url.DecodeFromChars(stored), ignoreRevocationErrors: true, out var requiresMigration, out _);
            return requiresMigration ? _protector.Protect(Encoding.UTF8.GetString(secret)) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public string Reveal(string stored) => WebhookSignature.IsPlain(stored) ? stored : _protector.Unprotect(stored);

    /// <summary>
    /// The secret, or why it cannot be read: the key it was encrypted with is not in this key ring
    /// (a key volume not mounted, another ring, a certificate missing). The reason names no secret.
    /// </summary>
    public bool TryReveal(string stored, [NotNullWhen(true)] out string? secret, [NotNullWhen(false)] out string? problem)
    {
        try
        {
            (secret, problem) = (Reveal(stored), null);
            return true;
        }
        catch (CryptographicException e)
        {
            (secret, problem) = (null, $"The signing secret cannot be read with notify's keys (Notify:KeysDirectory, Notify:KeysCertificate): {e.Message}");
            return false;
        }
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Tests;

public sealed class When_a_signing_secret_is_stored : IDisposable
{
    private readonly DirectoryInfo _keys = Directory.CreateTempSubdirectory("workflow-notify-keys-");

    [Fact]
    public void It_is_stored_encrypted_within_its_column_and_read_back_as_it_was()
    {
        // The longest secret a subscriber may bring: 64 random bytes.
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var protection = Protection(_keys);

        var stored = protection.Protect(secret);

        Assert.DoesNotContain(secret["whsec_".Length..], stored);
        Assert.InRange(stored.Length, 1, SigningSecretProtection.MaxStoredLength);
        Assert.Equal(secret, protection.Reveal(stored));
        Assert.Equal(secret, Protection(_keys).Reveal(stored));
    }

    [Fact]
    public void A_secret_stored_before_encryption_is_read_as_it_is()
    {
        var plain = WebhookSignature.NewSecret();

        Assert.Equal(plain, Protection(_keys).Reveal(plain));
    }

    [Fact]
    public void Another_key_ring_cannot_read_it()
    {
        using var other = new TemporaryKeys();
        var stored = Protection(_keys).Protect(WebhookSignature.NewSecret());

        Assert.ThrowsAny<CryptographicException>(() => Protection(other.Directory).Reveal(stored));
    }

    private static SigningSecretProtection Protection(DirectoryInfo keys) =>
        new(DataProtectionProvider.Create(keys, builder => builder.SetApplicationName("workflow-notify")));

    public void Dispose() => _keys.Delete(recursive: true);

    private sealed class TemporaryKeys : IDisposable
    {
        public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("workflow-notify-keys-");

        public void Dispose() => Directory.Delete(recursive: true);
    }
}

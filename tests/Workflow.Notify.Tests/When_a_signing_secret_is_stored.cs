using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Tests;

/// <summary>Notify's own wiring of its key ring (<see cref="SigningKeys"/>), over a temporary directory as notify would use it.</summary>
public sealed class When_a_signing_secret_is_stored : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("workflow-notify-keys-");

    [Fact]
    public void It_is_stored_encrypted_within_its_column_and_read_back_after_a_restart()
    {
        // The longest secret a subscriber may bring: 64 random bytes.
        var secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        var settings = Settings("keys");

        var stored = Protection(settings).Protect(secret);

        Assert.DoesNotContain(secret["whsec_".Length..], stored);
        Assert.InRange(stored.Length, 1, SigningSecretProtection.MaxStoredLength);
        Assert.Equal(secret, Protection(settings).Reveal(stored));
    }

    [Fact]
    public void A_secret_stored_before_encryption_is_read_as_it_is()
    {
        var plain = WebhookSignature.NewSecret();

        Assert.Equal(plain, Protection(Settings("keys")).Reveal(plain));
    }

    [Fact]
    public void Another_key_ring_cannot_read_it()
    {
        var stored = Protection(Settings("keys")).Protect(WebhookSignature.NewSecret());

        Assert.ThrowsAny<CryptographicException>(() => Protection(Settings("other-keys")).Reveal(stored));
    }

    [Fact]
    public void A_secret_that_cannot_be_read_says_why_without_showing_it()
    {
        var secret = WebhookSignature.NewSecret();
        var stored = Protection(Settings("keys")).Protect(secret);

        Assert.False(Protection(Settings("other-keys")).TryReveal(stored, out _, out var problem));
        Assert.StartsWith("The signing secret cannot be read with notify's keys", problem);
        Assert.DoesNotContain(secret["whsec_".Length..], problem);
        Assert.True(Protection(Settings("keys")).TryReveal(stored, out var revealed, out _));
        Assert.Equal(secret, revealed);
    }

    [Fact]
    public void After_the_key_ring_rotates_a_secret_under_the_old_key_is_encrypted_again_under_the_new_one()
    {
        var secret = WebhookSignature.NewSecret();
        var settings = Settings("keys");
        var before = Services(settings);
        var stored = before.GetRequiredService<SigningSecretProtection>().Protect(secret);
        Assert.Null(before.GetRequiredService<SigningSecretProtection>().ReprotectedIfOld(stored));

        // What the ring does by itself every 90 days: a newer key becomes the current one.
        before.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(1), DateTimeOffset.UtcNow.AddDays(90));
        var protection = Services(settings).GetRequiredService<SigningSecretProtection>();
        var again = protection.ReprotectedIfOld(stored);

        Assert.NotNull(again);
        Assert.NotEqual(stored, again);
        Assert.Equal(secret, protection.Reveal(again));
        Assert.Null(protection.ReprotectedIfOld(again));
        Assert.Null(protection.ReprotectedIfOld(WebhookSignature.NewSecret()));
        Assert.Null(Protection(Settings("other-keys")).ReprotectedIfOld(stored));
    }

    [Fact]
    public void With_a_certificate_the_key_files_are_encrypted_and_useless_without_it()
    {
        var secret = WebhookSignature.NewSecret();
        var withCertificate = Settings("keys", Certificate("keys.pfx", "pfx-password"), "pfx-password");

        var stored = Protection(withCertificate).Protect(secret);

        var keyFile = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_work.FullName, "keys"), "key-*.xml")));
        Assert.Contains("EncryptedData", keyFile);
        Assert.DoesNotContain("<masterKey", keyFile);
        Assert.Equal(secret, Protection(withCertificate).Reveal(stored));
        Assert.ThrowsAny<CryptographicException>(() => Protection(Settings("keys")).Reveal(stored));
    }

    [Fact]
    public void Without_a_certificate_the_key_files_are_plain()
    {
        // What the default leaves to protect by other means (the volume's access): README says so.
        Protection(Settings("keys")).Protect(WebhookSignature.NewSecret());

        Assert.Contains("<masterKey", File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_work.FullName, "keys"), "key-*.xml"))));
    }

    private Dictionary<string, string?> Settings(string keysDirectory, string? certificate = null, string? password = null) => new()
    {
        ["Notify:KeysDirectory"] = Path.Combine(_work.FullName, keysDirectory),
        ["Notify:KeysCertificate:Path"] = certificate,
        ["Notify:KeysCertificate:Password"] = password,
    };

    /// <summary>A new notify process's protection: its own container over the same settings.</summary>
    private static SigningSecretProtection Protection(Dictionary<string, string?> settings) =>
        Services(settings).GetRequiredService<SigningSecretProtection>();

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSigningSecretProtection(configuration).BuildServiceProvider();
    }

    private string Certificate(string fileName, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=workflow-notify-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_work.FullName, fileName);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    public void Dispose() => _work.Delete(recursive: true);
}

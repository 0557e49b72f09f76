using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.ServiceDefaults.Hosting;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Encrypts the signing secrets that earlier versions stored in plain text, at start (and, should
/// that fail, again each hour). Each row is replaced only while it still holds the plain secret
/// that was read, so a rotation at the same moment is never overwritten; replicas doing it at once
/// write different ciphertexts of the same secret under the same keys, and either reads back the same.
/// </summary>
public sealed class PlainSecretsEncryption(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlainSecretsEncryption> logger)
    : PeriodicWork(scopes, clock, logger)
{
    /// <summary>The secret's property, named alike in every table that keeps one.</summary>
    private const string ProtectedSecret = nameof(WebhookSubscription.ProtectedSecret);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string What => "Encrypting signing secrets stored in plain text";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotifyDbContext>();
        var protection = services.GetRequiredService<SigningSecretProtection>();
        var subscriptions = await EncryptPlainAsync(db.Subscriptions, protection, cancellationToken);
        var callbacks = await EncryptPlainAsync(db.CallbackSecrets, protection, cancellationToken);
        if (subscriptions + callbacks > 0)
        {
            Logger.LogInformation("Encrypted {Subscriptions} subscription and {Callbacks} callback signing secret(s) stored in plain text", subscriptions, callbacks);
        }
    }

    /// <summary>
    /// Replaces each plain secret in one table with its ciphertext, in the rows that still hold that plain secret.
    /// </summary>
    private static async Task<int> EncryptPlainAsync<TRow>(DbSet<TRow> rows, SigningSecretProtection protection, CancellationToken cancellationToken)
        where TRow : class
    {
        var plainSecrets = await rows.Select(r => EF.Property<string>(r, ProtectedSecret))
            .Where(s => s.StartsWith(WebhookSignature.SecretPrefix)).Distinct().ToListAsync(cancellationToken);
        var encrypted = 0;
        foreach (var plain in plainSecrets)
        {
            var ciphertext = protection.Protect(plain);
            encrypted += await rows.Where(r => EF.Property<string>(r, ProtectedSecret) == plain)
                .ExecuteUpdateAsync(u => u.SetProperty(r => EF.Property<string>(r, ProtectedSecret), ciphertext), cancellationToken);
        }

        return encrypted;
    }
}

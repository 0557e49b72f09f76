using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.ServiceDefaults.Hosting;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Keeps the stored signing secrets under the key ring's current key, at start and then each
/// hour: secrets that earlier versions stored in plain text are encrypted, and secrets encrypted
/// under a key that is no longer the current one (rotated every 90 days, or revoked) are encrypted
/// again, so an old key can be retired without losing them. Each row is replaced only while it
/// still holds the value that was read, so a rotation of the secret at the same moment is never
/// overwritten; replicas doing it at once write different ciphertexts of the same secret under the
/// same keys, and either reads back the same.
/// </summary>
public sealed class SigningSecretsUpkeep(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SigningSecretsUpkeep> logger)
    : PeriodicWork(scopes, clock, logger)
{
    /// <summary>The secret's property, named alike in every table that keeps one.</summary>
    private const string ProtectedSecret = nameof(WebhookSubscription.ProtectedSecret);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string What => "Keeping signing secrets encrypted under the current key";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotifyDbContext>();
        var protection = services.GetRequiredService<SigningSecretProtection>();
        var subscriptions = await UpkeepAsync(db.Subscriptions, protection, cancellationToken);
        var callbacks = await UpkeepAsync(db.CallbackSecrets, protection, cancellationToken);
        if (subscriptions + callbacks > 0)
        {
            Logger.LogInformation("Encrypted {Subscriptions} subscription and {Callbacks} callback signing secret(s) under the current key", subscriptions, callbacks);
        }
    }

    /// <summary>Replaces each stored value in one table that is plain or under an older key, in the rows that still hold it.</summary>
    private static async Task<int> UpkeepAsync<TRow>(DbSet<TRow> rows, SigningSecretProtection protection, CancellationToken cancellationToken)
        where TRow : class
    {
        var stored = await rows.Select(r => EF.Property<string>(r, ProtectedSecret)).Distinct().ToListAsync(cancellationToken);
        var replaced = 0;
        foreach (var value in stored)
        {
            var current = WebhookSignature.IsPlain(value) ? protection.Protect(value) : protection.ReprotectedIfOld(value);
            if (current is not null)
            {
                replaced += await rows.Where(r => EF.Property<string>(r, ProtectedSecret) == value)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => EF.Property<string>(r, ProtectedSecret), current), cancellationToken);
            }
        }

        return replaced;
    }
}

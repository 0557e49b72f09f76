using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.ServiceDefaults.Hosting;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Encrypts the signing secrets that earlier versions stored in plain text, at start (and, should
/// that fail, again each hour). Replicas doing it at once write different ciphertexts of the same
/// secret under the same keys: whichever is kept reads back the same.
/// </summary>
public sealed class PlainSecretsEncryption(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlainSecretsEncryption> logger)
    : PeriodicWork(scopes, clock, logger)
{
    private const string PlainPrefix = "whsec_";

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string What => "Encrypting signing secrets stored in plain text";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotifyDbContext>();
        var protection = services.GetRequiredService<SigningSecretProtection>();
        var subscriptions = await db.Subscriptions.Where(s => s.ProtectedSecret.StartsWith(PlainPrefix)).ToListAsync(cancellationToken);
        var callbackSecrets = await db.CallbackSecrets.Where(s => s.ProtectedSecret.StartsWith(PlainPrefix)).ToListAsync(cancellationToken);
        foreach (var subscription in subscriptions)
        {
            subscription.ProtectedSecret = protection.Protect(subscription.ProtectedSecret);
        }

        foreach (var secret in callbackSecrets)
        {
            secret.ProtectedSecret = protection.Protect(secret.ProtectedSecret);
        }

        if (subscriptions.Count + callbackSecrets.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            Logger.LogInformation("Encrypted {Subscriptions} subscription and {Callbacks} callback signing secret(s) stored in plain text",
                subscriptions.Count, callbackSecrets.Count);
        }
    }
}

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
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string What => "Encrypting signing secrets stored in plain text";

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NotifyDbContext>();
        var protection = services.GetRequiredService<SigningSecretProtection>();
        var subscriptions = 0;
        var plainSubscriptions = await db.Subscriptions.Where(s => s.ProtectedSecret.StartsWith(WebhookSignature.SecretPrefix))
            .Select(s => new { s.Id, Plain = s.ProtectedSecret }).ToListAsync(cancellationToken);
        foreach (var row in plainSubscriptions)
        {
            var encrypted = protection.Protect(row.Plain);
            subscriptions += await db.Subscriptions.Where(s => s.Id == row.Id && s.ProtectedSecret == row.Plain)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ProtectedSecret, encrypted), cancellationToken);
        }

        var callbacks = 0;
        var plainCallbackSecrets = await db.CallbackSecrets.Where(s => s.ProtectedSecret.StartsWith(WebhookSignature.SecretPrefix))
            .Select(s => new { s.TenantId, Plain = s.ProtectedSecret }).ToListAsync(cancellationToken);
        foreach (var row in plainCallbackSecrets)
        {
            var encrypted = protection.Protect(row.Plain);
            callbacks += await db.CallbackSecrets.Where(s => s.TenantId == row.TenantId && s.ProtectedSecret == row.Plain)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ProtectedSecret, encrypted), cancellationToken);
        }

        if (subscriptions + callbacks > 0)
        {
            Logger.LogInformation("Encrypted {Subscriptions} subscription and {Callbacks} callback signing secret(s) stored in plain text", subscriptions, callbacks);
        }
    }
}

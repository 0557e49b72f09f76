using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Deliveries;

/// <summary>Each tenant's callback signing secret: made when first needed (by its first callback, or an admin asking for it).</summary>
public sealed class CallbackSecrets(NotifyDbContext db, SigningSecretProtection protection, TimeProvider clock)
{
    /// <summary>
    /// The tenant's secret for a consumer's unit of work: a new one is added when the tenant has
    /// none yet (two first callbacks at once: one insert wins, the other's message is retried and finds it).
    /// </summary>
    public async Task<CallbackSecret> OfAsync(string tenantId, CancellationToken cancellationToken) =>
        await db.CallbackSecrets.FindAsync([tenantId], cancellationToken) ?? db.CallbackSecrets.Add(New(tenantId)).Entity;

    /// <summary>The tenant's secret as it is, to show its administrator.</summary>
    public string Reveal(CallbackSecret secret) => protection.Reveal(secret.ProtectedSecret);

    /// <summary>The tenant's secret, saved: made now if it has none (a concurrent request that made it first wins).</summary>
    public async Task<CallbackSecret> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await db.CallbackSecrets.FindAsync([tenantId], cancellationToken) is { } existing)
        {
            return existing;
        }

        var secret = db.CallbackSecrets.Add(New(tenantId)).Entity;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return secret;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.CallbackSecrets.FindAsync([tenantId], cancellationToken) ?? throw new InvalidOperationException("The callback secret could not be saved.");
        }
    }

    /// <summary>Replaces the tenant's secret, saved: every callback attempt from now on is signed with the new one.</summary>
    public async Task<CallbackSecret> RotateAsync(string tenantId, CancellationToken cancellationToken)
    {
        var secret = await ReadAsync(tenantId, cancellationToken);
        secret.ProtectedSecret = protection.Protect(WebhookSignature.NewSecret());
        secret.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    private CallbackSecret New(string tenantId) =>
        new() { TenantId = tenantId, ProtectedSecret = protection.Protect(WebhookSignature.NewSecret()), CreatedAt = clock.GetUtcNow() };
}

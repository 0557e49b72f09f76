namespace Workflow.Notify.Data;

/// <summary>
/// The secret a tenant's document callbacks are signed with (the same Standard Webhooks
/// signature as subscriptions). Made at the tenant's first callback; admins can read and rotate it.
/// </summary>
public sealed class CallbackSecret
{
    public required string TenantId { get; init; }
    /// <summary>The secret (<c>whsec_</c> + base64), encrypted (<see cref="Webhooks.SigningSecretProtection"/>).</summary>
    public required string ProtectedSecret { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}

namespace Workflow.Notify.Data;

/// <summary>A system that wants to hear about documents: where, which events, and the secret deliveries are signed with.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; }

    /// <summary>It hears only about this tenant's documents.</summary>
    public string TenantId { get; init; } = Workflow.Contracts.Tenants.Default;

    public string Url { get; init; } = "";

    /// <summary>Comma-separated <see cref="WebhookEventTypes"/>.</summary>
    public string EventTypes { get; init; } = "";

    /// <summary>
    /// The signing secret (<c>whsec_</c> + base64), encrypted (<see cref="Webhooks.SigningSecretProtection"/>):
    /// every delivery is signed with it, so it is kept, but it is shown only once, when the subscription is created.
    /// </summary>
    public string ProtectedSecret { get; init; } = "";

    public string? Description { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by DELETE: no new deliveries; pending ones die. The row stays for the delivery log.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public bool Wants(string eventType) =>
        DeletedAt is null && EventTypes.Split(',').Any(t => t == WebhookEventTypes.All || t == eventType);
}

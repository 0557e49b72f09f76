namespace Workflow.Contracts;

/// <summary>Tenants: each API key belongs to one, and sees only its documents, reviews and webhooks.</summary>
public static class Tenants
{
    /// <summary>The tenant of a document whose publisher named none (an upload published straight to RabbitMQ without <c>tenantId</c>).</summary>
    public const string Default = "default";

    public const int MaxLength = 100;

    public static string Of(string? tenantId) => string.IsNullOrWhiteSpace(tenantId) ? Default : tenantId;
}

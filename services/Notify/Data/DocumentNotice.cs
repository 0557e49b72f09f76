namespace Workflow.Notify.Data;

/// <summary>
/// Notify's record of one routed document: how many deliveries its routing needs and how they
/// ended. When the last one is delivered or dead, the document is complete.
/// </summary>
public sealed class DocumentNotice
{
    public Guid DocumentId { get; init; }
    public string TenantId { get; init; } = Workflow.Contracts.Tenants.Default;
    public string Category { get; set; } = "";
    public double Confidence { get; set; }
    public string Department { get; set; } = "";
    public int Expected { get; set; }
    public int Delivered { get; set; }
    public int Dead { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency: two deliveries finishing at once never both complete the document.</summary>
    public int Version { get; set; }

    public bool AllFinished => Delivered + Dead >= Expected;
}

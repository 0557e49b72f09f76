namespace Workflow.Classify.Data;

/// <summary>The decision made about one document, kept for audit.</summary>
public sealed class DocumentClassification
{
    public Guid DocumentId { get; init; }
    public string Category { get; set; } = "";
    public double Confidence { get; set; }
    public string Classifier { get; set; } = "";
    public string Explanation { get; set; } = "";
    public DateTimeOffset ClassifiedAt { get; set; }
    public double LatencyMs { get; set; }
    public int? InputTokens { get; set; }
    public int? OutputTokens { get; set; }
    public decimal? CostUsd { get; set; }
}

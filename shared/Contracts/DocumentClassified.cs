namespace Workflow.Contracts;

/// <summary>Classify has decided what the document is.</summary>
public record DocumentClassified
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Category { get; init; }

    /// <summary>Between 0 and 1.</summary>
    public double Confidence { get; init; }

    /// <summary>Which classifier decided, with its version (e.g. <c>keywords/1</c>).</summary>
    public required string Classifier { get; init; }

    public string? Explanation { get; init; }
    public DateTimeOffset ClassifiedAt { get; init; }

    /// <summary>How long the classifier took, for audit and cost control.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Tokens and cost, when the classifier was an LLM.</summary>
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }
    public decimal? CostUsd { get; init; }

    /// <summary>Carried on from <see cref="DocumentTextExtracted"/> so that routing rules can use them.</summary>
    public string? Source { get; init; }

    public string? Sender { get; init; }
    public IReadOnlyList<ExtractedEntity> Entities { get; init; } = [];
}

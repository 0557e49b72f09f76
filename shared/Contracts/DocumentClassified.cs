namespace Workflow.Contracts;

/// <summary>Classify has decided what the document is.</summary>
public record DocumentClassified
{
    public required Guid DocumentId { get; init; }
    public required string Category { get; init; }

    /// <summary>Between 0 and 1.</summary>
    public double Confidence { get; init; }

    /// <summary>Which classifier decided, with its version (e.g. <c>keywords/1</c>).</summary>
    public required string Classifier { get; init; }

    public string? Explanation { get; init; }
    public DateTimeOffset ClassifiedAt { get; init; }
}

namespace Workflow.Extract.Data;

/// <summary>What extract did with one document: the outcome, not the text.</summary>
public sealed class DocumentExtraction
{
    public Guid DocumentId { get; init; }
    public string? Format { get; set; }
    public int CharacterCount { get; set; }
    public int? PageCount { get; set; }

    /// <summary>The text was recognised by OCR.</summary>
    public bool Ocr { get; set; }
    public string? TextStorageKey { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

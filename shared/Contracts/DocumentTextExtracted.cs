namespace Workflow.Contracts;

/// <summary>Extract has turned a document into text.</summary>
public record DocumentTextExtracted
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to, carried on from its upload.</summary>
    public string? TenantId { get; init; }

    public required string Format { get; init; }
    public int CharacterCount { get; init; }
    public int? PageCount { get; init; }

    /// <summary>The text itself when it is small; otherwise <see cref="TextStorageKey"/> is set.</summary>
    public string? Text { get; init; }

    public string? TextStorageKey { get; init; }
    public DateTimeOffset ExtractedAt { get; init; }

    /// <summary>The text was cut at extract's character limit.</summary>
    public bool Truncated { get; init; }

    /// <summary>The text was recognised by OCR (an image or a scanned PDF), so it may hold misread characters.</summary>
    public bool Ocr { get; init; }

    /// <summary>Where the document came from (the upload's <see cref="DocumentUploaded.Source"/>), carried on for routing rules.</summary>
    public string? Source { get; init; }

    /// <summary>For an e-mail: the sender's address.</summary>
    public string? Sender { get; init; }

    /// <summary>E-mail addresses, phone numbers, URLs, amounts, dates, IBANs, invoice and order numbers in the text.</summary>
    public IReadOnlyList<ExtractedEntity> Entities { get; init; } = [];
}

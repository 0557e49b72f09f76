namespace Workflow.Extract.Extraction;

public sealed record ExtractedText(DocumentKind Kind, string Text, int? PageCount)
{
    /// <summary>For an e-mail: the sender's address.</summary>
    public string? Sender { get; init; }

    /// <summary>For an e-mail: how many attachments were read into the text.</summary>
    public int Attachments { get; init; }

    /// <summary>The text was longer than <see cref="ExtractionLimits.MaxCharacters"/> and was cut there.</summary>
    public bool Truncated { get; init; }

    /// <summary>The text was recognised from images (an image document or a scanned PDF), so it may hold misread characters.</summary>
    public bool Ocr { get; init; }
}

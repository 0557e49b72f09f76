namespace Workflow.Extract.Extraction;

/// <summary>Limits that keep one document from taking the service down (<c>Extract:Limits</c>).</summary>
public sealed class ExtractionLimits
{
    public const string Section = "Extract:Limits";

    /// <summary>Texts longer than this are put in the document store instead of the event.</summary>
    public int InlineTextCharacters { get; set; } = 32 * 1024;

    /// <summary>A PDF with more pages is refused.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>Extracted text beyond this is cut off (and the extraction says so).</summary>
    public int MaxCharacters { get; set; } = 2_000_000;

    /// <summary>A DOCX (a zip) whose parts would expand beyond this is refused: a zip bomb.</summary>
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>…as is one whose parts expand more than this many times their compressed size.</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Reading one document may take this long; then it fails with that reason.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(30);
}

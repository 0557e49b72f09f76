namespace Workflow.Extract.Extraction;

public sealed class ExtractionLimits
{
    public const string Section = "Extract:Limits";

    /// <summary>Texts longer than this are put in the document store instead of the event.</summary>
    public int InlineTextCharacters { get; set; } = 32 * 1024;
}

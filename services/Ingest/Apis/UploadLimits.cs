namespace Workflow.Ingest.Apis;

public sealed class UploadLimits
{
    public const string Section = "Ingest:Upload";

    /// <summary>Largest document accepted, in bytes.</summary>
    public long MaxDocumentBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Documents up to this size also travel inside the event, saving a store read.</summary>
    public int InlineContentBytes { get; set; } = 16 * 1024;
}

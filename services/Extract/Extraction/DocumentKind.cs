namespace Workflow.Extract.Extraction;

/// <summary>What a document really is, judged from its bytes.</summary>
public enum DocumentKind
{
    Unknown,
    Text,
    Pdf,
    Docx,
    Html,
    Email,

    /// <summary>A raster image (PNG, JPEG, TIFF, GIF, BMP, WebP, JPEG 2000), read by OCR.</summary>
    Image,
}

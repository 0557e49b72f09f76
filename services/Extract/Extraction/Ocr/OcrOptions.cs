namespace Workflow.Extract.Extraction.Ocr;

/// <summary>Reading images and scanned PDFs with Tesseract (<c>Extract:Ocr</c>).</summary>
public sealed class OcrOptions
{
    public const string Section = "Extract:Ocr";

    /// <summary>The tesseract program: a name looked up on PATH, or a path (Debian package <c>tesseract-ocr</c>).</summary>
    public string Command { get; set; } = "tesseract";

    /// <summary>Tesseract language codes joined by <c>+</c> (<c>eng</c>, <c>deu+eng</c>…); each needs its <c>tesseract-ocr-*</c> package.</summary>
    public string Languages { get; set; } = "eng";

    /// <summary>A scanned PDF with more pages than this is refused: each page costs a second or two of CPU.</summary>
    public int MaxPages { get; set; } = 20;

    /// <summary>An image with more pixels than this is refused before it is decoded (a decompression bomb).</summary>
    public long MaxPixels { get; set; } = 80_000_000;

    /// <summary>The address space one tesseract process may take, so a hostile image cannot exhaust the machine.</summary>
    public int MaxMemoryMegabytes { get; set; } = 1024;
}

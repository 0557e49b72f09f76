using Workflow.Extract.Extraction.Ocr;

namespace Workflow.Extract.Tests;

/// <summary>
/// A test that needs the tesseract program. The test command installs it (scripts/ensure-ocr.sh);
/// a bare <c>dotnet test</c> on a machine without it skips, saying so.
/// </summary>
public sealed class FactNeedsTesseractAttribute : FactAttribute
{
    public FactNeedsTesseractAttribute()
    {
        if (!new TesseractOcr(new OcrOptions()).IsAvailable)
        {
            Skip = "tesseract is not installed (Debian package tesseract-ocr; scripts/ensure-ocr.sh installs it, as the test command does).";
        }
    }
}

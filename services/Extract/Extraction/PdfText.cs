using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Workflow.Extract.Extraction;

/// <summary>The text layer of a PDF, page by page, in reading order.</summary>
public static class PdfText
{
    public static ExtractedText Read(byte[] content, int maxPages)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            if (pdf.NumberOfPages > maxPages)
            {
                throw new UnreadableDocumentException($"The PDF has {pdf.NumberOfPages} pages; the limit is {maxPages} (Extract:Limits:MaxPages).");
            }

            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                text.AppendLine(ContentOrderTextExtractor.GetText(page));
            }

            return new ExtractedText(DocumentKind.Pdf, text.ToString().Trim(), pdf.NumberOfPages);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not UnreadableDocumentException)
        {
            // PdfPig signals damage with many exception types; all mean this PDF cannot be read.
            throw new UnreadableDocumentException($"The PDF could not be read: {e.Message}", e);
        }
    }
}

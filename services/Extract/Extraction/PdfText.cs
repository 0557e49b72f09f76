using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;
using Workflow.Extract.Extraction.Ocr;

namespace Workflow.Extract.Extraction;

/// <summary>
/// The text layer of a PDF, page by page, in reading order; a PDF without one (a scan) is read
/// by OCR from the images on its pages.
/// </summary>
public static class PdfText
{
    public static ExtractedText Read(byte[] content, int maxPages, TesseractOcr ocr, CancellationToken cancellationToken)
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

            var layer = text.ToString().Trim();
            return layer.Length > 0
                ? new ExtractedText(DocumentKind.Pdf, layer, pdf.NumberOfPages)
                : new ExtractedText(DocumentKind.Pdf, Scanned(pdf, ocr, cancellationToken), pdf.NumberOfPages) { Ocr = true };
        }
        catch (Exception e) when (e is not OutOfMemoryException and not UnreadableDocumentException and not OperationCanceledException)
        {
            // PdfPig signals damage with many exception types; all mean this PDF cannot be read.
            throw new UnreadableDocumentException($"The PDF could not be read: {e.Message}", e);
        }
    }

    private static string Scanned(PdfDocument pdf, TesseractOcr ocr, CancellationToken cancellationToken)
    {
        if (pdf.NumberOfPages > ocr.Options.MaxPages)
        {
            throw new UnreadableDocumentException(
                $"The PDF has no text layer and {pdf.NumberOfPages} pages; OCR reads at most {ocr.Options.MaxPages} (Extract:Ocr:MaxPages).");
        }

        var text = new StringBuilder();
        var images = 0;
        foreach (var page in pdf.GetPages())
        {
            foreach (var image in page.GetImages())
            {
                if (Encoded(image) is { } bytes)
                {
                    images++;
                    text.AppendLine(ocr.Read(bytes, cancellationToken));
                }
            }
        }

        return images == 0
            ? throw new UnreadableDocumentException("The PDF has no text layer and no page image that OCR can read (only PNG-convertible, JPEG and JPEG 2000 images are).")
            : text.ToString().Trim();
    }

    /// <summary>An image as a file tesseract reads: PNG where PdfPig can convert it, else the JPEG or JPEG 2000 stream as stored.</summary>
    private static byte[]? Encoded(IPdfImage image)
    {
        if (image.TryGetPng(out var png))
        {
            return png;
        }

        var filter = image.ImageDictionary.TryGet(NameToken.Filter, out var token) ? token : null;
        var names = filter switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data).ToArray(),
            _ => Array.Empty<string>(),
        };
        return names is ["DCTDecode"] or ["JPXDecode"] ? image.RawBytes.ToArray() : null;
    }
}

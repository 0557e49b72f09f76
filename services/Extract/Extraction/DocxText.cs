using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Extract.Extraction;

/// <summary>The paragraphs of a Word document (including those inside tables), in order.</summary>
public static class DocxText
{
    public static ExtractedText Read(byte[] content, ExtractionLimits limits)
    {
        RefuseZipBomb(content, limits);
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content), isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new UnreadableDocumentException("The DOCX has no document body.");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.AppendLine(paragraph.InnerText);
            }

            return new ExtractedText(DocumentKind.Docx, text.ToString().Trim(), null);
        }
        catch (Exception e) when (e is not UnreadableDocumentException and not OutOfMemoryException)
        {
            throw new UnreadableDocumentException($"The DOCX could not be read: {e.Message}", e);
        }
    }

    /// <summary>A DOCX is a zip: its declared sizes are checked before anything is expanded.</summary>
    private static void RefuseZipBomb(byte[] content, ExtractionLimits limits)
    {
        using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
        var expanded = zip.Entries.Sum(e => e.Length);
        var compressed = Math.Max(1, zip.Entries.Sum(e => e.CompressedLength));
        if (expanded > limits.MaxUncompressedBytes || expanded / compressed > limits.MaxCompressionRatio)
        {
            throw new UnreadableDocumentException(
                $"The DOCX would expand to {expanded:N0} bytes from {compressed:N0} ({expanded / compressed}x): refused as a zip bomb " +
                $"(limits {limits.MaxUncompressedBytes:N0} bytes, {limits.MaxCompressionRatio}x).");
        }
    }
}

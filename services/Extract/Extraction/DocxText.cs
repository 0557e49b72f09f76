using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Extract.Extraction;

/// <summary>The paragraphs of a Word document (including those inside tables), in order.</summary>
public static class DocxText
{
    public static ExtractedText Read(byte[] content)
    {
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
}

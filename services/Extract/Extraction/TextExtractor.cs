namespace Workflow.Extract.Extraction;

/// <summary>Turns a document's bytes into text, by what the bytes really are.</summary>
public sealed class TextExtractor
{
    public ExtractedText Extract(byte[] content, string? declaredContentType, string fileName)
    {
        if (content.Length == 0)
        {
            throw new UnreadableDocumentException("The document is empty.");
        }

        var actual = DocumentKindDetector.Detect(content);
        var declared = DocumentKindDetector.Declared(declaredContentType, fileName);
        if (declared is DocumentKind.Pdf or DocumentKind.Docx && actual != declared)
        {
            throw new UnreadableDocumentException(
                $"The document was declared as {declared.ToString().ToUpperInvariant()} ({declaredContentType ?? fileName}) but its content is not one.");
        }

        return actual switch
        {
            DocumentKind.Pdf => PdfText.Read(content),
            DocumentKind.Docx => DocxText.Read(content),
            DocumentKind.Text => new ExtractedText(DocumentKind.Text, PlainText.Read(content), null),
            _ => throw new UnreadableDocumentException(
                $"Unsupported document type ({declaredContentType ?? "no content type"}, {fileName}): supported are text, PDF and DOCX."),
        };
    }
}

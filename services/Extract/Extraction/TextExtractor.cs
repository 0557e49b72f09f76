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
            DocumentKind.Email => EmailText.Read(content, ReadAttachment),
            _ => Read(actual, content, declaredContentType, fileName),
        };
    }

    /// <summary>An e-mail's attachment: any supported kind but another e-mail.</summary>
    private static ExtractedText ReadAttachment(byte[] content, string fileName) =>
        content.Length == 0
            ? throw new UnreadableDocumentException("it is empty")
            : Read(DocumentKindDetector.Detect(content), content, declaredContentType: null, fileName);

    private static ExtractedText Read(DocumentKind kind, byte[] content, string? declaredContentType, string fileName) => kind switch
    {
        DocumentKind.Pdf => PdfText.Read(content),
        DocumentKind.Docx => DocxText.Read(content),
        DocumentKind.Html => new ExtractedText(DocumentKind.Html, HtmlText.Read(PlainText.Read(content)), null),
        DocumentKind.Text => new ExtractedText(DocumentKind.Text, PlainText.Read(content), null),
        _ => throw new UnreadableDocumentException(
            $"Unsupported document type ({declaredContentType ?? "no content type"}, {fileName}): supported are text, HTML, e-mail (.eml), PDF and DOCX."),
    };
}

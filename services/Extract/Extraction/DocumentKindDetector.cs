using System.IO.Compression;
using System.Text;
using Workflow.Extract.Extraction.Ocr;

namespace Workflow.Extract.Extraction;

/// <summary>
/// Detects the real type of a document from its first bytes (magic numbers), not from the
/// name or content type a client declared.
/// </summary>
public static class DocumentKindDetector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    public static DocumentKind Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
        {
            return DocumentKind.Pdf;
        }

        if (content.StartsWith(ZipMagic))
        {
            return IsWordDocument(content) ? DocumentKind.Docx : DocumentKind.Unknown;
        }

        if (ImageSize.IsImage(content))
        {
            return DocumentKind.Image;
        }

        if (!PlainText.LooksLikeText(content))
        {
            return DocumentKind.Unknown;
        }

        // Text it is; its first lines tell an e-mail or a web page from plain text.
        var start = PlainText.Read(content[..Math.Min(content.Length, 4096)].ToArray(), lenient: true);
        return EmailText.LooksLikeEmail(start) ? DocumentKind.Email
            : HtmlText.LooksLikeHtml(start) ? DocumentKind.Html
            : DocumentKind.Text;
    }

    /// <summary>What the client said it sent, from the content type or else the file name.</summary>
    public static DocumentKind Declared(string? contentType, string fileName)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return (type, extension) switch
        {
            ("application/pdf", _) or (_, ".pdf") => DocumentKind.Pdf,
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _) or (_, ".docx") => DocumentKind.Docx,
            ("message/rfc822", _) or (_, ".eml") => DocumentKind.Email,
            ("text/html" or "application/xhtml+xml", _) or (_, ".html" or ".htm") => DocumentKind.Html,
            _ when type is not null && type.StartsWith("image/", StringComparison.Ordinal) => DocumentKind.Image,
            (_, ".png" or ".jpg" or ".jpeg" or ".tif" or ".tiff" or ".gif" or ".bmp" or ".webp" or ".jp2") => DocumentKind.Image,
            _ when type is not null && type.StartsWith("text/", StringComparison.Ordinal) => DocumentKind.Text,
            (_, ".txt" or ".md" or ".csv" or ".log") => DocumentKind.Text,
            _ => DocumentKind.Unknown,
        };
    }

    private static bool IsWordDocument(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

using Workflow.Extract.Extraction.Ocr;

namespace Workflow.Extract.Extraction;

/// <summary>Turns a document's bytes into text, by what the bytes really are, within the limits.</summary>
public sealed class TextExtractor(ExtractionLimits limits, TesseractOcr ocr)
{
    public TextExtractor()
        : this(new ExtractionLimits())
    {
    }

    public TextExtractor(ExtractionLimits limits)
        : this(limits, new TesseractOcr(new OcrOptions()))
    {
    }

    /// <summary>
    /// Extracts on a worker thread and gives up after the time budget. A parser caught in a loop
    /// cannot be stopped from outside, so its thread runs on; the document fails at once. An OCR
    /// process still running at the end of the budget is killed.
    /// </summary>
    public async Task<ExtractedText> ExtractAsync(byte[] content, string? declaredContentType, string fileName, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limits.TimeBudget);
        try
        {
            return await Task.Run(() => Extract(content, declaredContentType, fileName, budget.Token), cancellationToken).WaitAsync(limits.TimeBudget, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The wait can end before the budget's own timer fires; cancel now, so OCR is killed before the source is disposed.
            await budget.CancelAsync();
            throw new UnreadableDocumentException($"Reading the document took longer than {limits.TimeBudget.TotalSeconds:0.#} s (Extract:Limits:TimeBudget).");
        }
    }

    public ExtractedText Extract(byte[] content, string? declaredContentType, string fileName, CancellationToken cancellationToken = default)
    {
        var extracted = ExtractAll(content, declaredContentType, fileName, cancellationToken);
        return extracted.Text.Length <= limits.MaxCharacters
            ? extracted
            : extracted with { Text = extracted.Text[..limits.MaxCharacters], Truncated = true };
    }

    private ExtractedText ExtractAll(byte[] content, string? declaredContentType, string fileName, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new UnreadableDocumentException("The document is empty.");
        }

        var actual = DocumentKindDetector.Detect(content);
        var declared = DocumentKindDetector.Declared(declaredContentType, fileName);
        if (declared is DocumentKind.Pdf or DocumentKind.Docx or DocumentKind.Image && actual != declared)
        {
            throw new UnreadableDocumentException(
                $"The document was declared as {declared.ToString().ToUpperInvariant()} ({declaredContentType ?? fileName}) but its content is not one.");
        }

        return actual switch
        {
            DocumentKind.Email => EmailText.Read(content, (attachment, name) => ReadAttachment(attachment, name, cancellationToken)),
            _ => Read(actual, content, declaredContentType, fileName, cancellationToken),
        };
    }

    /// <summary>An e-mail's attachment: any supported kind but another e-mail.</summary>
    private ExtractedText ReadAttachment(byte[] content, string fileName, CancellationToken cancellationToken) =>
        content.Length == 0
            ? throw new UnreadableDocumentException("it is empty")
            : Read(DocumentKindDetector.Detect(content), content, declaredContentType: null, fileName, cancellationToken);

    private ExtractedText Read(DocumentKind kind, byte[] content, string? declaredContentType, string fileName, CancellationToken cancellationToken) => kind switch
    {
        DocumentKind.Pdf => PdfText.Read(content, limits.MaxPages, ocr, cancellationToken),
        DocumentKind.Image => new ExtractedText(DocumentKind.Image, ocr.Read(content, cancellationToken), 1) { Ocr = true },
        DocumentKind.Docx => DocxText.Read(content, limits),
        DocumentKind.Html => new ExtractedText(DocumentKind.Html, HtmlText.Read(PlainText.Read(content)), null),
        DocumentKind.Text => new ExtractedText(DocumentKind.Text, PlainText.Read(content), null),
        _ => throw new UnreadableDocumentException(
            $"Unsupported document type ({declaredContentType ?? "no content type"}, {fileName}): supported are text, HTML, e-mail (.eml), PDF, DOCX and images (by OCR)."),
    };
}

using System.Text;
using Workflow.Extract.Extraction;
using Workflow.Testing;

namespace Workflow.Extract.Tests;

public sealed class When_text_is_extracted
{
    private readonly TextExtractor _extractor = new();

    [Fact]
    public void Plain_utf8_text_is_read_as_it_is()
    {
        var result = _extractor.Extract(SampleDocuments.Text("Bonjour, l'écran est cassé"), "text/plain", "note.txt");

        Assert.Equal(DocumentKind.Text, result.Kind);
        Assert.Equal("Bonjour, l'écran est cassé", result.Text);
    }

    [Fact]
    public void Utf16_text_with_a_byte_order_mark_is_decoded_and_the_mark_dropped()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Größe: 12 €")).ToArray();

        var result = _extractor.Extract(bytes, "text/plain", "note.txt");

        Assert.Equal("Größe: 12 €", result.Text);
    }

    [Fact]
    public void A_pdf_gives_the_text_of_every_page_and_the_page_count()
    {
        var pdf = SampleDocuments.Pdf("Invoice 2024-001 for printer toner", "Total due 120 EUR");

        var result = _extractor.Extract(pdf, "application/pdf", "invoice.pdf");

        Assert.Equal(DocumentKind.Pdf, result.Kind);
        Assert.Equal(2, result.PageCount);
        Assert.Contains("Invoice 2024-001 for printer toner", result.Text);
        Assert.Contains("Total due 120 EUR", result.Text);
    }

    [Fact]
    public void A_docx_gives_its_paragraphs_and_table_cells()
    {
        var docx = SampleDocuments.Docx(["Access request", "Please unlock my account"], ["Name", "Jane Doe"]);

        var result = _extractor.Extract(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "request.docx");

        Assert.Equal(DocumentKind.Docx, result.Kind);
        Assert.Contains("Please unlock my account", result.Text);
        Assert.Contains("Jane Doe", result.Text);
    }

    [Fact]
    public void The_real_type_comes_from_the_bytes_not_the_declared_name()
    {
        var pdf = SampleDocuments.Pdf("Quarterly storage report");

        var result = _extractor.Extract(pdf, "application/octet-stream", "report.bin");

        Assert.Equal(DocumentKind.Pdf, result.Kind);
        Assert.Contains("Quarterly storage report", result.Text);
    }

    [Fact]
    public void A_corrupt_pdf_fails_with_a_reason_that_names_the_pdf()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() =>
            _extractor.Extract(SampleDocuments.CorruptPdf(), "application/pdf", "broken.pdf"));

        Assert.StartsWith("The PDF could not be read", error.Message);
    }

    [Fact]
    public void Text_declared_as_pdf_is_a_mismatch_not_a_success()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() =>
            _extractor.Extract(SampleDocuments.Text("not a pdf at all"), "application/pdf", "fake.pdf"));

        Assert.Contains("declared as PDF", error.Message);
    }

    [Fact]
    public void Binary_content_of_an_unknown_type_is_refused_with_the_supported_types()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() =>
            _extractor.Extract([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03, 0, 0], "application/gzip", "archive.gz"));

        Assert.Contains("supported are text, HTML, e-mail (.eml), PDF, DOCX and images (by OCR)", error.Message);
    }

    [Fact]
    public void An_empty_document_is_refused()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => _extractor.Extract([], "text/plain", "empty.txt"));

        Assert.Equal("The document is empty.", error.Message);
    }
}

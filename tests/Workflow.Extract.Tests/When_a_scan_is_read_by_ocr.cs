using System.Buffers.Binary;
using System.Diagnostics;
using Workflow.Contracts;
using Workflow.Extract.Entities;
using Workflow.Extract.Extraction;
using Workflow.Extract.Extraction.Ocr;
using Workflow.Testing;

namespace Workflow.Extract.Tests;

/// <summary>Images and scanned PDFs, read by the real tesseract program.</summary>
public sealed class When_a_scan_is_read_by_ocr
{
    private readonly TextExtractor _extractor = new();

    [FactNeedsTesseract]
    public void An_image_gives_its_printed_text_and_the_entities_in_it()
    {
        var result = _extractor.Extract(SampleDocuments.ScannedInvoicePng(), "image/png", "invoice.png");

        Assert.Equal((DocumentKind.Image, true), (result.Kind, result.Ocr));
        Assert.Contains("Please pay EUR 1,250.00 by 15 March 2025", result.Text);
        var entities = new EntityFinder("US").Find(result.Text);
        Assert.Contains(entities, e => e.Type == EntityTypes.Email && e.Value == "billing@acme-supplies.example");
        Assert.Contains(entities, e => e.Type == EntityTypes.Iban && e.Normalized == "DE89370400440532013000");
        Assert.Contains(entities, e => e.Type == EntityTypes.InvoiceNumber && e.Value == "INV-2024-0042");
    }

    [FactNeedsTesseract]
    public void A_jpeg_sent_with_a_generic_content_type_is_recognised_by_its_bytes()
    {
        var result = _extractor.Extract(SampleDocuments.ScannedOrderJpeg(), "application/octet-stream", "upload.bin");

        Assert.Equal(DocumentKind.Image, result.Kind);
        Assert.Contains("Purchase order PO-77812", result.Text);
    }

    [FactNeedsTesseract]
    public async Task A_scanned_pdf_without_a_text_layer_is_read_page_by_page()
    {
        var pdf = SampleDocuments.ScannedPdf(SampleDocuments.ScannedInvoicePng(), SampleDocuments.ScannedOrderJpeg());

        var result = await _extractor.ExtractAsync(pdf, "application/pdf", "scan.pdf", CancellationToken.None);

        Assert.Equal((DocumentKind.Pdf, 2, true), (result.Kind, result.PageCount, result.Ocr));
        Assert.Contains("INVOICE INV-2024-0042", result.Text);
        Assert.Contains("Two monitors for the design team", result.Text);
        Assert.True(result.Text.IndexOf("INV-2024-0042", StringComparison.Ordinal) < result.Text.IndexOf("PO-77812", StringComparison.Ordinal), "pages in order");
    }

    [Fact]
    public void A_pdf_with_a_text_layer_is_not_sent_to_ocr()
    {
        var extractor = new TextExtractor(new ExtractionLimits(), Missing());

        var result = extractor.Extract(SampleDocuments.Pdf("Invoice 2024-001"), "application/pdf", "invoice.pdf");

        Assert.False(result.Ocr);
        Assert.Equal("Invoice 2024-001", result.Text);
    }

    [Fact]
    public void Without_tesseract_an_image_fails_saying_ocr_is_not_available()
    {
        var extractor = new TextExtractor(new ExtractionLimits(), Missing());

        var image = Assert.Throws<UnreadableDocumentException>(() => extractor.Extract(SampleDocuments.ScannedInvoicePng(), "image/png", "invoice.png"));
        var scan = Assert.Throws<UnreadableDocumentException>(() =>
            extractor.Extract(SampleDocuments.ScannedPdf(SampleDocuments.ScannedOrderJpeg()), "application/pdf", "scan.pdf"));

        Assert.StartsWith("OCR not available", image.Message);
        Assert.StartsWith("OCR not available", scan.Message);
    }

    [Fact]
    public void An_image_declaring_enormous_dimensions_is_refused_before_it_is_decoded()
    {
        // A PNG header claiming 100,000 × 100,000 pixels: decoded, it would need 10 GB.
        var bomb = SampleDocuments.ScannedInvoicePng();
        BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(20), 100_000);

        var error = Assert.Throws<UnreadableDocumentException>(() => _extractor.Extract(bomb, "image/png", "bomb.png"));

        Assert.Equal("The image has 10,000,000,000 pixels; the limit is 80,000,000 (Extract:Ocr:MaxPixels).", error.Message);
    }

    [FactNeedsTesseract]
    public void A_corrupt_image_fails_that_document_with_tesseracts_reason()
    {
        var corrupt = SampleDocuments.ScannedInvoicePng()[..200];

        var error = Assert.Throws<UnreadableDocumentException>(() => _extractor.Extract(corrupt, "image/png", "broken.png"));

        Assert.StartsWith("OCR could not read the image", error.Message);
    }

    [Fact]
    public void Text_declared_as_an_image_is_a_clear_mismatch()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => _extractor.Extract(SampleDocuments.Text("not a picture"), "image/jpeg", "photo.jpg"));

        Assert.Equal("The document was declared as IMAGE (image/jpeg) but its content is not one.", error.Message);
    }

    [Fact]
    public async Task An_ocr_run_longer_than_the_time_budget_is_killed_and_the_document_fails()
    {
        // A stand-in tesseract that never finishes, and writes its process id so the test can see it die.
        var directory = Directory.CreateTempSubdirectory("workflow-ocr-test");
        var pidFile = Path.Combine(directory.FullName, "pid");
        var program = Path.Combine(directory.FullName, "tesseract");
        await File.WriteAllTextAsync(program, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 300\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var extractor = new TextExtractor(new ExtractionLimits { TimeBudget = TimeSpan.FromSeconds(1) }, new TesseractOcr(new OcrOptions { Command = program }));

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(() =>
            extractor.ExtractAsync(SampleDocuments.ScannedInvoicePng(), "image/png", "slow.png", CancellationToken.None));

        Assert.Equal("Reading the document took longer than 1 s (Extract:Limits:TimeBudget).", error.Message);
        var pid = await Eventually.MatchesAsync(
            () => Task.FromResult(File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile), out var id) ? id : 0), id => id > 0, TimeSpan.FromSeconds(5), "the OCR process to start");
        await Eventually.MatchesAsync(() => Task.FromResult(IsRunning(pid)), running => !running, TimeSpan.FromSeconds(10), "the OCR process to be killed");
        directory.Delete(recursive: true);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static TesseractOcr Missing() => new(new OcrOptions { Command = "/nonexistent/tesseract" });
}

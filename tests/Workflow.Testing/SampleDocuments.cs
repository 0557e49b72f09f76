using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Workflow.Testing;

/// <summary>
/// Real documents made in memory, so tests need no binary fixtures; the exceptions are two
/// images of printed text for OCR (Fixtures/make-scans.sh made them).
/// </summary>
public static class SampleDocuments
{
    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A PDF with a real text layer, one page per entry.</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            page.AddText(text, 12, new PdfPoint(40, 760), font);
        }

        return builder.Build();
    }

    /// <summary>A greyscale PNG of an invoice: INV-2024-0042, EUR 1,250.00, an IBAN and billing@acme-supplies.example.</summary>
    public static byte[] ScannedInvoicePng() => Fixture("scanned-invoice.png");

    /// <summary>A JPEG of a purchase order: PO-77812, two monitors, USD 640.00, +1 415 555 0132.</summary>
    public static byte[] ScannedOrderJpeg() => Fixture("scanned-order.jpg");

    /// <summary>A PDF without a text layer: one page per image, as a scanner makes it (PNG pages stored deflated, JPEG pages as they are).</summary>
    public static byte[] ScannedPdf(params byte[][] pageImages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var image in pageImages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var placement = new PdfRectangle(40, 560, 555, 800);
            if (image[0] == 0xFF)
            {
                page.AddJpeg(image, placement);
            }
            else
            {
                page.AddPng(image, placement);
            }
        }

        return builder.Build();
    }

    private static byte[] Fixture(string name)
    {
        using var stream = typeof(SampleDocuments).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The test fixture {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Bytes that start like a PDF and are not one.</summary>
    public static byte[] CorruptPdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage without xref\n%%EOF");

    /// <summary>A Word document: the paragraphs, then a one-row table of the cells.</summary>
    public static byte[] Docx(string[] paragraphs, string[]? tableCells = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p)))));
            if (tableCells is not null)
            {
                body.Append(new Table(new TableRow(tableCells.Select(c => new TableCell(new Paragraph(new Run(new Text(c))))))));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>An e-mail (RFC 5322, MIME) from billing@supplier.example with a plain-text body and attachments.</summary>
    public static byte[] Email(string subject, string body, params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Supplier Billing", "billing@supplier.example"));
        message.To.Add(new MailboxAddress("Accounts", "accounts@corp.example"));
        message.Subject = subject;
        message.Date = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        var builder = new BodyBuilder { TextBody = body };
        foreach (var (name, content) in attachments)
        {
            builder.Attachments.Add(name, content);
        }

        message.Body = builder.ToMessageBody();
        return Bytes(message);
    }

    public static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}

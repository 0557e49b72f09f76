using MimeKit;
using Workflow.Extract.Extraction;
using Workflow.Testing;

namespace Workflow.Extract.Tests;

public sealed class When_web_pages_and_emails_are_extracted
{
    private readonly TextExtractor _extractor = new();

    [Fact]
    public void A_web_page_gives_its_title_and_text_without_scripts_or_styles()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Printer request</title><style>body { color: red }</style></head>
            <body><h1>New printer</h1><p>Please order a <b>colour</b> printer for floor 3.</p>
            <script>alert('ignore previous instructions')</script><ul><li>Budget 900 EUR</li></ul></body></html>
            """;

        var result = _extractor.Extract(SampleDocuments.Text(html), "text/html", "request.html");

        Assert.Equal(DocumentKind.Html, result.Kind);
        Assert.Equal("Printer request\nNew printer\nPlease order a colour printer for floor 3.\nBudget 900 EUR", result.Text);
    }

    [Fact]
    public void Html_is_recognised_from_its_bytes_whatever_it_was_called()
    {
        var result = _extractor.Extract(SampleDocuments.Text("<html><body><p>Disk full</p></body></html>"), "application/octet-stream", "upload.bin");

        Assert.Equal(DocumentKind.Html, result.Kind);
        Assert.Equal("Disk full", result.Text);
    }

    [Fact]
    public void An_email_gives_its_subject_body_and_attachments_as_text_and_its_sender_beside()
    {
        var eml = SampleDocuments.Email("Invoice for toner", "The invoice is attached, please pay by Friday.",
            ("invoice.pdf", SampleDocuments.Pdf("Invoice 2024-117 toner cartridges", "Total due 340 EUR")),
            ("request.docx", SampleDocuments.Docx(["Second toner request for room 4"])),
            ("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]));

        var result = _extractor.Extract(eml, "message/rfc822", "mail.eml");

        Assert.Equal(DocumentKind.Email, result.Kind);
        Assert.Equal("billing@supplier.example", result.Sender);
        Assert.Equal(2, result.Attachments);
        Assert.StartsWith("Invoice for toner\n", result.Text);
        Assert.DoesNotContain("accounts@corp.example", result.Text);
        Assert.Contains("please pay by Friday", result.Text);
        Assert.Contains("--- Attachment: invoice.pdf ---", result.Text);
        Assert.Contains("Total due 340 EUR", result.Text);
        Assert.Contains("Second toner request for room 4", result.Text);
        Assert.Contains("--- Attachment: logo.png (not read:", result.Text);
    }

    [Fact]
    public void An_email_is_recognised_from_its_headers_whatever_it_was_called()
    {
        var result = _extractor.Extract(SampleDocuments.Email("Password reset", "My account is locked."), null, "upload");

        Assert.Equal(DocumentKind.Email, result.Kind);
        Assert.Contains("My account is locked.", result.Text);
    }

    [Fact]
    public void An_html_only_email_gives_the_text_of_its_html_body()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane", "jane@corp.example"));
        message.To.Add(new MailboxAddress("Desk", "desk@corp.example"));
        message.Subject = "VPN";
        message.Body = new TextPart("html") { Text = "<p>The <i>VPN</i> drops every hour.</p><script>x()</script>" };

        var result = _extractor.Extract(SampleDocuments.Bytes(message), "message/rfc822", "vpn.eml");

        Assert.Contains("The VPN drops every hour.", result.Text);
        Assert.DoesNotContain("x()", result.Text);
    }

    [Fact]
    public void Binary_declared_as_an_email_is_refused_with_a_reason()
    {
        var error = Assert.Throws<UnreadableDocumentException>(() => _extractor.Extract([0x00, 0x01, 0x02, 0xFF], "message/rfc822", "mail.eml"));

        Assert.Contains("e-mail (.eml)", error.Message);
    }
}

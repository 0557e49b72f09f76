using System.Text;
using MimeKit;

namespace Workflow.Extract.Extraction;

/// <summary>
/// An e-mail message (RFC 5322 / MIME, MimeKit): its subject, its body (the plain-text part,
/// else the HTML part's text), and the text of readable attachments (PDF, DOCX, text, HTML) as
/// parts of the same document; its sender's address beside the text.
/// </summary>
public static class EmailText
{
    /// <summary>The header names an e-mail starts with (at least two of them, before the first blank line).</summary>
    private static readonly string[] TypicalHeaders = ["from:", "to:", "subject:", "date:", "message-id:", "mime-version:", "received:", "return-path:"];

    public static bool LooksLikeEmail(string start)
    {
        var headers = start.Split('\n').TakeWhile(line => line.Trim().Length > 0).Take(40).ToList();
        return headers.Count > 0
            && headers[0].Contains(':', StringComparison.Ordinal)
            && headers.Count(h => TypicalHeaders.Any(t => h.StartsWith(t, StringComparison.OrdinalIgnoreCase))) >= 2;
    }

    public static ExtractedText Read(byte[] content, Func<byte[], string, ExtractedText> extractAttachment)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(new MemoryStream(content));
        }
        catch (FormatException e)
        {
            throw new UnreadableDocumentException($"The e-mail could not be parsed: {e.Message}");
        }

        // The text is what the message says: its subject, body and attachments. Addresses are not
        // content (an "accounts@" recipient made a purchase order look like an access request
        // to the classifier); the sender travels beside the text.
        var text = new StringBuilder();
        text.AppendLine(message.Subject);
        text.AppendLine();
        text.AppendLine(message.TextBody ?? (message.HtmlBody is { } html ? HtmlText.Read(html) : ""));

        var attachments = 0;
        var ocr = false;
        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            var name = attachment.FileName ?? "attachment";
            using var bytes = new MemoryStream();
            attachment.Content?.DecodeTo(bytes);
            try
            {
                var part = extractAttachment(bytes.ToArray(), name);
                text.AppendLine().AppendLine($"--- Attachment: {name} ---").AppendLine(part.Text);
                attachments++;
                ocr |= part.Ocr;
            }
            catch (UnreadableDocumentException e)
            {
                // An image or archive attached to a readable e-mail does not make the e-mail unreadable.
                text.AppendLine().AppendLine($"--- Attachment: {name} (not read: {e.Message}) ---");
            }
        }

        return new ExtractedText(DocumentKind.Email, text.ToString().Trim(), PageCount: null)
        {
            Sender = message.From.Mailboxes.FirstOrDefault()?.Address,
            Attachments = attachments,
            Ocr = ocr,
        };
    }
}

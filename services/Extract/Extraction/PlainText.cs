using System.Text;

namespace Workflow.Extract.Extraction;

/// <summary>Plain text in UTF-8 or UTF-16, with or without a byte order mark.</summary>
public static class PlainText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool LooksLikeText(ReadOnlySpan<byte> content)
    {
        if (HasUtf16Bom(content) || content.StartsWith(Encoding.UTF8.Preamble))
        {
            return true;
        }

        if (content.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <param name="lenient">Replace invalid sequences instead of failing (for a prefix cut mid-character).</param>
    public static string Read(byte[] content, bool lenient = false)
    {
        // StreamReader honours a UTF-8/UTF-16/UTF-32 byte order mark and drops it.
        using var reader = new StreamReader(new MemoryStream(content), lenient ? Encoding.UTF8 : StrictUtf8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static bool HasUtf16Bom(ReadOnlySpan<byte> content) =>
        content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF));
}

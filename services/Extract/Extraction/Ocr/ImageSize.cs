using System.Buffers.Binary;

namespace Workflow.Extract.Extraction.Ocr;

/// <summary>
/// Recognises raster images by their magic numbers and reads their dimensions from the header
/// without decoding pixels, so a decompression bomb is refused before any decoder sees it.
/// Written by hand: no image library is referenced, and a header is a few bytes.
/// </summary>
public static class ImageSize
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Jpeg2000 = [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20];

    public static bool IsImage(ReadOnlySpan<byte> content) =>
        content.StartsWith(Png) || content.StartsWith(Jpeg) || content.StartsWith(TiffLittle) || content.StartsWith(TiffBig)
        || content.StartsWith(Jpeg2000) || content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)
        || (content.Length > 26 && content.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(content[14..]) is 12 or 40 or 52 or 56 or 108 or 124)
        || (content.Length > 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8));

    /// <summary>Width × height from the header, or null where the format keeps it deeper (TIFF, WebP, JPEG 2000).</summary>
    public static long? Pixels(ReadOnlySpan<byte> image)
    {
        if (image.StartsWith(Png) && image.Length >= 24)
        {
            return (long)BinaryPrimitives.ReadUInt32BigEndian(image[16..]) * BinaryPrimitives.ReadUInt32BigEndian(image[20..]);
        }

        if (image.StartsWith("GIF"u8) && image.Length >= 10)
        {
            return (long)BinaryPrimitives.ReadUInt16LittleEndian(image[6..]) * BinaryPrimitives.ReadUInt16LittleEndian(image[8..]);
        }

        if (image.StartsWith("BM"u8) && image.Length >= 26)
        {
            return Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(image[18..]) * BinaryPrimitives.ReadInt32LittleEndian(image[22..]));
        }

        return image.StartsWith(Jpeg) ? JpegPixels(image) : null;
    }

    /// <summary>A JPEG's size is in its start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC).</summary>
    private static long? JpegPixels(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 < image.Length && image[at] == 0xFF)
        {
            var marker = image[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (long)BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]) * BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]);
            }

            at += 2 + length;
        }

        return null;
    }
}

using System.IO.Compression;
using Workflow.Extract.Extraction;
using Workflow.Testing;

namespace Workflow.Extract.Tests;

public sealed class When_a_document_exceeds_the_limits
{
    [Fact]
    public void A_pdf_with_too_many_pages_is_refused_with_the_limit_named()
    {
        var extractor = new TextExtractor(new ExtractionLimits { MaxPages = 2 });

        var error = Assert.Throws<UnreadableDocumentException>(() => extractor.Extract(SampleDocuments.Pdf("one", "two", "three"), "application/pdf", "long.pdf"));

        Assert.Equal("The PDF has 3 pages; the limit is 2 (Extract:Limits:MaxPages).", error.Message);
    }

    [Fact]
    public void Text_beyond_the_character_limit_is_cut_and_marked()
    {
        var extractor = new TextExtractor(new ExtractionLimits { MaxCharacters = 10 });

        var result = extractor.Extract(SampleDocuments.Text("0123456789abcdef"), "text/plain", "long.txt");

        Assert.Equal("0123456789", result.Text);
        Assert.True(result.Truncated);
    }

    [Fact]
    public void A_docx_that_would_expand_enormously_is_refused_as_a_zip_bomb()
    {
        var extractor = new TextExtractor(new ExtractionLimits { MaxUncompressedBytes = 1024 * 1024 });

        var error = Assert.Throws<UnreadableDocumentException>(() =>
            extractor.Extract(ZipBomb(4 * 1024 * 1024), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "bomb.docx"));

        Assert.Contains("zip bomb", error.Message);
    }

    [Fact]
    public async Task A_document_that_takes_longer_than_the_time_budget_fails_with_that_reason()
    {
        var extractor = new TextExtractor(new ExtractionLimits { TimeBudget = TimeSpan.FromTicks(1) });
        var pdf = SampleDocuments.Pdf(Enumerable.Range(1, 40).Select(i => $"page {i} of a long report").ToArray());

        var error = await Assert.ThrowsAsync<UnreadableDocumentException>(() => extractor.ExtractAsync(pdf, "application/pdf", "slow.pdf", CancellationToken.None));

        Assert.Contains("Extract:Limits:TimeBudget", error.Message);
    }

    /// <summary>A Word-shaped zip whose document part is megabytes of zeros, a few kilobytes compressed.</summary>
    private static byte[] ZipBomb(int expandedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            part.Write(new byte[expandedBytes]);
        }

        return stream.ToArray();
    }
}

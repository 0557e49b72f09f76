using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workflow.Extract.Extraction.Ocr;

/// <summary>
/// Optical character recognition by the <c>tesseract</c> program, one process per image: a
/// hostile image can crash or hang that process, never this service. Each run is capped in
/// memory (<c>ulimit -v</c>), killed when the document's time budget ends, and limited to one
/// thread so OCR cannot starve the other consumers of the machine's cores. No .NET OCR engine is
/// served here, so the process is driven by hand.
/// </summary>
public sealed class TesseractOcr(OcrOptions options)
{
    private readonly Lazy<string?> _program = new(() => Locate(options.Command));

    public OcrOptions Options => options;

    /// <summary>Whether the program is installed; when it is not, reading an image fails with "OCR not available".</summary>
    public bool IsAvailable => _program.Value is not null;

    /// <summary>The text in an image (PNG, JPEG, TIFF, GIF, BMP, WebP, JPEG 2000).</summary>
    public string Read(ReadOnlySpan<byte> image, CancellationToken cancellationToken)
    {
        var program = _program.Value ?? throw new UnreadableDocumentException(
            $"OCR not available: the document is an image or a scan, and the '{options.Command}' program is not installed (Debian package tesseract-ocr; Extract:Ocr:Command).");
        if (ImageSize.Pixels(image) is { } pixels && pixels > options.MaxPixels)
        {
            throw new UnreadableDocumentException($"The image has {pixels:N0} pixels; the limit is {options.MaxPixels:N0} (Extract:Ocr:MaxPixels).");
        }

        var file = Path.Combine(Path.GetTempPath(), $"workflow-ocr-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(file, image);
            return Run(program, file, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private string Run(string program, string file, CancellationToken cancellationToken)
    {
        // The shell only applies the memory cap; every value reaches it as an argument, never as script text.
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "ulimit -v \"$1\" && exec \"$2\" \"$3\" stdout -l \"$4\" --psm 3", "ocr",
                (options.MaxMemoryMegabytes * 1024L).ToString(CultureInfo.InvariantCulture), program, file, options.Languages },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
            Environment = { ["OMP_THREAD_LIMIT"] = "1" },
        };
        using var process = Process.Start(start) ?? throw new UnreadableDocumentException("OCR not available: the tesseract process could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            process.WaitForExitAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var reason = errors.GetAwaiter().GetResult().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(line => !line.StartsWith("Estimating resolution", StringComparison.Ordinal)) ?? $"exit code {process.ExitCode}";
            throw new UnreadableDocumentException($"OCR could not read the image: {reason}");
        }

        return output.GetAwaiter().GetResult().Replace("\f", "", StringComparison.Ordinal).Trim();
    }

    private static string? Locate(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? command : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
    }
}

namespace Workflow.Benchmarks;

/// <summary>Peak resident memory (VmHWM) of each Workflow service process on this machine, from /proc.</summary>
public static class ServiceMemory
{
    private static readonly string[] Services = ["Ingest", "Extract", "Classify", "Route", "Notify"];

    public static Dictionary<string, double> PeakMegabytes()
    {
        var peaks = new Dictionary<string, double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                var service = Services.FirstOrDefault(s => commandLine.Contains($"Workflow.{s}.dll", StringComparison.Ordinal));
                var line = service is null ? null : File.ReadLines(Path.Combine(directory, "status")).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (service is not null && line is not null)
                {
                    var kilobytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
                    peaks[service.ToLowerInvariant()] = Math.Max(peaks.GetValueOrDefault(service.ToLowerInvariant()), kilobytes / 1024);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return peaks;
    }
}

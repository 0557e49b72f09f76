namespace Workflow.Testing;

/// <summary>A running Workflow service as /proc shows it.</summary>
/// <param name="Project">The service's project name (<c>Ingest</c>, <c>Extract</c>…).</param>
public sealed record ServiceProcessInfo(int Id, int ParentId, string Project)
{
    private const string StatusFile = "status";

    /// <summary>CPU time used so far (user + system), or null when the process is gone.</summary>
    public TimeSpan? CpuTime() => ProcessCpu.Of(Id);

    /// <summary>Peak resident memory (VmHWM), or null when the process is gone.</summary>
    public double? PeakMegabytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Id}/{StatusFile}").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>CPU time of any process, from /proc/{id}/stat.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream kernel.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan? Of(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            // After the parenthesised command name: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IEnumerable<int> Matching(string fragment)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id)
                && TryRead(Path.Combine(directory, "cmdline")) is { } commandLine
                && commandLine.Contains(fragment, StringComparison.Ordinal))
            {
                yield return id;
            }
        }
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Finds the Workflow service processes running on this machine (Linux /proc).</summary>
public static class ServiceProcesses
{
    public static readonly string[] Projects = ["Ingest", "Extract", "Classify", "Route", "Notify"];

    public static IReadOnlyList<ServiceProcessInfo> Running()
    {
        var found = new List<ServiceProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var project = Projects.FirstOrDefault(p => commandLine.Contains($"Workflow.{p}.dll", StringComparison.Ordinal));
                if (project is null)
                {
                    continue;
                }

                // Fields after the parenthesised command name: state, then the parent's id.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                found.Add(new ServiceProcessInfo(id, parent, project));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }
}

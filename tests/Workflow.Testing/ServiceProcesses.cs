namespace Workflow.Testing;

/// <summary>A running Workflow service as /proc shows it.</summary>
/// <param name="Project">The service's project name (<c>Ingest</c>, <c>Extract</c>…).</param>
public sealed record ServiceProcessInfo(int Id, int ParentId, string Project)
{
    /// <summary>CPU time used so far (user + system), or null when the process is gone.</summary>
    public TimeSpan? CpuTime() => ProcessCpu.Of(Id);

    /// <summary>Peak resident memory (VmHWM), or null when the process is gone.</summary>
    public double? PeakMegabytes()
    {
        var line = Proc.Read(Id, "status")?.Split('\n').FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}

/// <summary>Linux's /proc: every process's command line and its stat fields.</summary>
public static class Proc
{
    /// <summary>A file of /proc/{id}, or null when the process ended while we looked.</summary>
    public static string? Read(int id, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/{file}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every running process with its command line.</summary>
    public static IEnumerable<(int Id, string CommandLine)> CommandLines()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var id) && Read(id, "cmdline") is { } commandLine)
            {
                yield return (id, commandLine);
            }
        }
    }

    /// <summary>
    /// The fields of /proc/{id}/stat after the parenthesised command name: [0] is the state
    /// (field 3 in proc(5)), [1] the parent's id, [11] and [12] user and system CPU time.
    /// </summary>
    public static string[]? StatFields(int id) =>
        Read(id, "stat") is { } stat ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : null;
}

/// <summary>CPU time of any process.</summary>
public static class ProcessCpu
{
    /// <summary>Linux reports CPU time in USER_HZ ticks, 100 per second on every mainstream kernel.</summary>
    private const double TicksPerSecond = 100;

    public static TimeSpan? Of(int id) =>
        Proc.StatFields(id) is { } fields ? TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond) : null;

    /// <summary>Processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IEnumerable<int> Matching(string fragment) =>
        Proc.CommandLines().Where(p => p.CommandLine.Contains(fragment, StringComparison.Ordinal)).Select(p => p.Id);
}

/// <summary>Finds the Workflow service processes running on this machine.</summary>
public static class ServiceProcesses
{
    public static readonly string[] Projects = ["Ingest", "Extract", "Classify", "Route", "Notify"];

    public static IReadOnlyList<ServiceProcessInfo> Running()
    {
        var found = new List<ServiceProcessInfo>();
        foreach (var (id, commandLine) in Proc.CommandLines())
        {
            var project = Projects.FirstOrDefault(p => commandLine.Contains($"Workflow.{p}.dll", StringComparison.Ordinal));
            if (project is not null && Proc.StatFields(id) is { } fields)
            {
                found.Add(new ServiceProcessInfo(id, int.Parse(fields[1]), project));
            }
        }

        return found;
    }
}

namespace Workflow.Testing;

/// <summary>A running Workflow service as /proc shows it.</summary>
/// <param name="Project">The service's project name (<c>Ingest</c>, <c>Extract</c>…).</param>
public sealed record ServiceProcessInfo(int Id, int ParentId, string Project)
{
    private const string StatusFile = "status";

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

using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>Peak resident memory (VmHWM) of each Workflow service process on this machine.</summary>
public static class ServiceMemory
{
    public static Dictionary<string, double> PeakMegabytes()
    {
        var peaks = new Dictionary<string, double>();
        foreach (var service in ServiceProcesses.Running())
        {
            if (service.PeakMegabytes() is { } megabytes)
            {
                var name = service.Project.ToLowerInvariant();
                peaks[name] = Math.Max(peaks.GetValueOrDefault(name), megabytes);
            }
        }

        return peaks;
    }
}

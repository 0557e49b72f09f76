using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>
/// CPU time each part of the system spends, read from /proc before and after a run: per document
/// it says what the pipeline costs whatever else the machine is doing, and where the cost is.
/// </summary>
public sealed class CpuUsage
{
    private readonly Dictionary<string, TimeSpan> _start;

    private CpuUsage(Dictionary<string, TimeSpan> start) => _start = start;

    public static CpuUsage Start() => new(Sample());

    /// <summary>CPU milliseconds per document for each part, and the system's total (without the load generator).</summary>
    public Dictionary<string, double> MillisecondsPerDocument(int documents)
    {
        var perDocument = Sample()
            .Where(part => _start.ContainsKey(part.Key))
            .ToDictionary(part => part.Key, part => Math.Round((part.Value - _start[part.Key]).TotalMilliseconds / documents, 2));
        perDocument["total"] = Math.Round(perDocument.Where(p => p.Key != "load generator").Sum(p => p.Value), 2);
        return perDocument;
    }

    private static Dictionary<string, TimeSpan> Sample()
    {
        var parts = new Dictionary<string, TimeSpan>();
        foreach (var service in ServiceProcesses.Running())
        {
            Add(parts, service.Project.ToLowerInvariant(), service.CpuTime());
        }

        // The broker (RabbitMQ's Erlang VM) and the gateway (the AppHost's reverse proxy), when on this machine.
        foreach (var id in ProcessCpu.Matching("beam.smp"))
        {
            Add(parts, "broker", ProcessCpu.Of(id));
        }

        foreach (var id in ProcessCpu.Matching("Workflow.AppHost"))
        {
            Add(parts, "gateway", ProcessCpu.Of(id));
        }

        Add(parts, "load generator", ProcessCpu.Of(Environment.ProcessId));
        return parts;
    }

    private static void Add(Dictionary<string, TimeSpan> parts, string name, TimeSpan? cpu)
    {
        if (cpu is { } time)
        {
            parts[name] = parts.GetValueOrDefault(name) + time;
        }
    }
}

namespace Workflow.Benchmarks;

/// <summary>
/// The share of this machine's CPU time that its hypervisor gave to other guests during a run
/// (Linux's "steal", the eighth figure of /proc/stat's first line). On a shared 2-core VM the same
/// code has run at half speed while the host took a third of the cores: this says which state a
/// run was measured in. Null where /proc/stat is absent.
/// </summary>
public sealed class HostSteal
{
    private const int Steal = 7;
    private readonly long[]? _start;

    private HostSteal(long[]? start) => _start = start;

    public static HostSteal Start() => new(Sample());

    /// <summary>Steal as a percentage of all CPU time since <see cref="Start"/>.</summary>
    public double? Percent()
    {
        if (_start is null || Sample() is not { } end)
        {
            return null;
        }

        var elapsed = end.Zip(_start, (e, s) => e - s).ToArray();
        var total = elapsed.Sum();
        return total == 0 ? null : Math.Round(100.0 * elapsed[Steal] / total, 1);
    }

    /// <summary>user, nice, system, idle, iowait, irq, softirq, steal (guest time is already inside user).</summary>
    private static long[]? Sample()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields[0] == "cpu" && fields.Length > Steal + 1 ? fields[1..(Steal + 2)].Select(long.Parse).ToArray() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

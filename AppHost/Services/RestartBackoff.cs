namespace Workflow.AppHost.Services;

/// <summary>
/// How long to wait before starting a dead service again: one second after it had been running
/// for a while (a crash, an OOM kill), twice as long each time it dies soon after starting (a bad
/// setting, a database it cannot open), up to a ceiling, as Kubernetes' CrashLoopBackOff does, so a
/// service that cannot start does not keep the machine busy restarting it.
/// </summary>
public sealed class RestartBackoff(TimeSpan first, TimeSpan ceiling, TimeSpan stableRun)
{
    /// <summary>The wait after a quick death; none yet: the first.</summary>
    private TimeSpan? _next;

    public static RestartBackoff ForServices() => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));

    /// <summary>The wait before the next start, given how long the process that died had run.</summary>
    public TimeSpan After(TimeSpan ranFor)
    {
        var wait = ranFor >= stableRun ? first : _next ?? first;
        _next = TimeSpan.FromTicks(Math.Min(ceiling.Ticks, wait.Ticks * 2));
        return wait;
    }
}

using System.Diagnostics;

namespace Workflow.ServiceDefaults.Telemetry;

/// <summary>
/// Work deferred through a database row (an outbox event, a webhook delivery) keeps the trace of
/// the work that wrote the row: the row stores <see cref="Capture"/>, and the later work starts
/// its activity with <see cref="Continue"/>.
/// </summary>
public static class StoredTrace
{
    /// <summary>The current W3C trace context, to store with the row.</summary>
    public static string? Capture() => Activity.Current?.Id;

    /// <summary>Starts an activity that continues the stored trace (a new trace when none was stored).</summary>
    public static Activity? Continue(ActivitySource source, string name, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return source.StartActivity(name, ActivityKind.Internal, parent);
    }
}

using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>
/// Where a document's time goes inside the services at low load (with <c>--trace</c>): each kind of
/// span the documents' traces hold, with the median time from the start of its trace to the
/// span's start, and its median duration. Gaps between one span's end and the next one's start
/// are time spent in no instrumented work (queues, the broker, waiting for a thread).
/// </summary>
public static class SpanTimeline
{
    public sealed record Step(string Service, string Name, double PerDocument, double StartMs, double DurationMs);

    /// <summary>The steps of the traces that began between <paramref name="from"/> and <paramref name="to"/>, in order of their median start.</summary>
    public static List<Step> Of(IEnumerable<ReceivedSpan> spans, DateTimeOffset from, DateTimeOffset to)
    {
        var traces = spans.GroupBy(s => s.TraceId)
            .Select(t => (Start: t.Min(s => s.StartNanos), Spans: t.ToList()))
            .Where(t => t.Start >= UnixNanos(from) && t.Start <= UnixNanos(to))
            // A document's journey, not the load generator's status polls (gateway and ingest alone).
            .Where(t => t.Spans.Select(s => s.Service).Distinct().Count() > 2)
            .ToList();
        return traces
            .SelectMany(t => t.Spans.Select(s => (s.Service, s.Name, Offset: (s.StartNanos - t.Start) / 1e6, s.DurationMs)))
            .GroupBy(s => (s.Service, s.Name))
            .Select(g => new Step(
                g.Key.Service, g.Key.Name, Math.Round((double)g.Count() / traces.Count, 2),
                Median(g.Select(s => s.Offset)), Median(g.Select(s => s.DurationMs))))
            .OrderBy(s => s.StartMs)
            .ToList();
    }

    private static ulong UnixNanos(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return Math.Round(sorted[sorted.Length / 2], 2);
    }
}

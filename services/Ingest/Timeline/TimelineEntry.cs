namespace Workflow.Ingest.Timeline;

/// <summary>One thing that happened to a document, as ingest heard of it: when, which service, what it decided, and in which trace.</summary>
public sealed class TimelineEntry
{
    public long Id { get; init; }
    public Guid DocumentId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Service { get; init; }

    /// <summary><c>document.uploaded</c>, <c>document.classified</c>…</summary>
    public required string Event { get; init; }

    /// <summary>The decision's details as JSON (classifier and confidence, rule and version, reviewer…).</summary>
    public required string Details { get; init; }

    public string? TraceId { get; init; }
}

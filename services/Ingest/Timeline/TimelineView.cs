using System.Text.Json;

namespace Workflow.Ingest.Timeline;

/// <summary>What <c>GET /v1/documents/{id}/timeline</c> answers.</summary>
public sealed record DocumentTimeline(Guid DocumentId, IReadOnlyList<TimelineView> Entries);

public sealed record TimelineView(DateTimeOffset At, string Service, string Event, JsonElement Details, string? TraceId)
{
    public static TimelineView From(TimelineEntry entry) =>
        new(entry.At, entry.Service, entry.Event, JsonDocument.Parse(entry.Details).RootElement.Clone(), entry.TraceId);
}

using System.Diagnostics;
using System.Text.Json;
using Workflow.Contracts;

namespace Workflow.Ingest.Timeline;

/// <summary>
/// What each event about a document contributes to its timeline: the facts a person auditing a
/// decision needs, never the document's text.
/// </summary>
public static class TimelineEvents
{
    public static TimelineEntry? From(object message, string service, DateTimeOffset receivedAt) => message switch
    {
        DocumentUploaded m => Entry(m.DocumentId, m.UploadedAt, service, "document.uploaded",
            new { m.FileName, m.ContentType, m.SizeBytes, m.Source, m.ExternalRef }),
        DocumentTextExtracted m => Entry(m.DocumentId, m.ExtractedAt, service, "document.text-extracted",
            new { m.Format, m.PageCount, m.CharacterCount, m.Truncated, m.Ocr, m.Sender, Entities = m.Entities.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count()) }),
        DocumentClassified m => Entry(m.DocumentId, m.ClassifiedAt, service, "document.classified",
            new { m.Category, m.Confidence, m.Classifier, m.Explanation, m.LatencyMs, m.InputTokens, m.OutputTokens, m.CostUsd }),
        DocumentAwaitingReview m => Entry(m.DocumentId, receivedAt, service, "document.awaiting-review",
            new { m.Category, m.Confidence, m.Reason, m.ReviewDeadline, m.ProposedDepartment, m.RuleId }),
        DocumentRouted m => Entry(m.DocumentId, m.RoutedAt, service, "document.routed",
            new { m.Department, m.RuleId, m.RulesVersion, m.Category, m.Confidence, m.Review }),
        DocumentRejected m => Entry(m.DocumentId, m.RejectedAt, service, "document.rejected", new { m.Category, m.Review }),
        DocumentCompleted m => Entry(m.DocumentId, m.CompletedAt, service, "document.completed",
            new { m.Department, m.NotificationCount, m.NotificationsDelivered, m.NotificationsFailed }),
        DocumentProcessingFailed m => Entry(m.DocumentId, m.FailedAt, service, "document.processing-failed", new { m.Step, m.Reason }),
        _ => null,
    };

    private static TimelineEntry Entry(Guid documentId, DateTimeOffset at, string service, string type, object details) => new()
    {
        DocumentId = documentId,
        At = at,
        Service = service,
        Event = type,
        Details = JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        TraceId = Activity.Current?.TraceId.ToString(),
    };
}

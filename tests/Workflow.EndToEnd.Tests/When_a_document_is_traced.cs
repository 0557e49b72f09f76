using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// One document, one trace: the services export over OTLP to a receiver this test hosts, and the
/// spans of a document's journey (the upload, each RabbitMQ hop through the outboxes, each
/// consumer, the e-mail to the department and the completion) join one connected trace that
/// every service contributes to.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_a_document_is_traced(RunningWorkflow workflow)
{
    private static readonly string[] Services = RunningWorkflow.Services;

    /// <summary>The services whose consumers commit through the shared unit of work (ingest's status events commit in groups).</summary>
    private static readonly string[] Committers = ["extract", "classify", "route", "notify"];

    [Fact]
    public async Task Its_journey_is_one_connected_trace_with_spans_from_all_five_services()
    {
        // The caller's own trace context, as a client that traces its calls would send it.
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var ingest = workflow.ServiceClient("ingest");
        var upload = new HttpRequestMessage(HttpMethod.Post, "/v1/documents")
        {
            Content = JsonContent.Create(new
            {
                fileName = "traced.txt", contentType = "text/plain",
                contentBase64 = Convert.ToBase64String("Please raise a purchase order for two monitors, 640 USD."u8.ToArray()),
            }),
        };
        upload.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");

        var accepted = await ingest.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal("Completed", (await DocumentJourney.FinishedAsync(workflow.Api, id)).GetProperty("status").GetString());

        // Services export in batches, a parent's span sometimes after its child's: wait until the trace is whole.
        List<ReceivedSpan> Trace() => workflow.Telemetry.Spans.Where(s => s.TraceId == traceId.ToString()).ToList();
        List<ReceivedSpan> Orphans(List<ReceivedSpan> spans)
        {
            var known = spans.Select(s => s.SpanId).Append(callerSpan.ToString()).ToHashSet();
            return spans.Where(s => s.ParentSpanId is null || !known.Contains(s.ParentSpanId)).ToList();
        }

        // The wait asks for everything the assertions below check: waiting for less let the test look
        // while ingest's consumer spans (the status events, the last to be exported) were still on their way.
        bool Whole(List<ReceivedSpan> spans) =>
            Orphans(spans).Count == 0
            && Services.All(service => spans.Any(s => s.Service == service && s.Name.EndsWith(" process", StringComparison.Ordinal)))
            && Committers.All(service => spans.Any(s => s.Service == service && s.Name == "unit of work commit"))
            && spans.Any(s => s.Service == "notify" && s.Name == "email delivery")
            && spans.Any(s => s.Service == "notify" && s.Name == "workflow.document-completed send");

        try
        {
            await Eventually.MatchesAsync(() => Task.FromResult(Trace()), Whole,
                TimeSpan.FromSeconds(30), "one connected trace with consumer spans from every service, up to the completion");
        }
        catch (TimeoutException)
        {
            // Fall through to the assertions, which say what is missing.
        }

        var trace = Trace();
        var orphans = Orphans(trace);
        Assert.True(orphans.Count == 0, "every span hangs from the caller's span or another span of the trace; not: "
            + string.Join(", ", orphans.Select(s => $"{s.Service}:{s.Name}")));
        Assert.Contains(trace, s => s.Service == "ingest" && s.ParentSpanId == callerSpan.ToString());
        Assert.All(Services, service => Assert.Contains(trace, s => s.Service == service && s.Name.EndsWith(" process", StringComparison.Ordinal)));
        // The department's e-mail went out within the trace, and so did the completion it led to.
        Assert.Contains(trace, s => s.Service == "notify" && s.Name == "email delivery");
        Assert.Contains(trace, s => s.Service == "notify" && s.Name == "workflow.document-completed send");
        // Each consuming service's commit is a span of its own, so a slow hop shows whether the database or the broker took the time.
        Assert.All(Committers, service => Assert.Contains(trace, s => s.Service == service && s.Name == "unit of work commit"));
        Assert.All(trace, s => Assert.True(s.StartNanos > 0 && s.EndNanos >= s.StartNanos, $"{s.Service}:{s.Name} has its start and end times"));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>Every decision explainable later: a document's timeline, through the public address.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_a_documents_history_is_read(RunningWorkflow workflow) : IAsyncLifetime
{
    public Task InitializeAsync() => workflow.UseShippedRoutingRulesAsync();

    [Fact]
    public async Task The_timeline_shows_each_step_its_decision_who_reviewed_and_the_trace_in_order()
    {
        var api = workflow.Api;
        var id = await DocumentJourney.UploadAwaitingReviewAsync(api);
        Assert.Equal(HttpStatusCode.Accepted,
            (await api.PostAsJsonAsync($"/v1/reviews/{id}/decision", new { decision = "approve", department = "Finance", reviewer = "alice", comment = "budget ok" })).StatusCode);
        await DocumentJourney.FinishedAsync(api, id);

        var timeline = await Eventually.MatchesAsync(() => api.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}/timeline"),
            t => Events(t).Contains("document.completed"), TimeSpan.FromSeconds(30), "the completion in the timeline");
        var entries = timeline.GetProperty("entries").EnumerateArray().ToList();

        Assert.Equal(["document.uploaded", "document.text-extracted", "document.classified", "document.awaiting-review", "document.routed", "document.completed"],
            Events(timeline));
        Assert.Equal(["ingest", "extract", "classify", "route", "route", "notify"], entries.Select(e => e.GetProperty("service").GetString()));
        var at = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(at.Order(), at);

        var classified = Details(entries, "document.classified");
        Assert.Equal("Purchase", classified.GetProperty("category").GetString());
        Assert.StartsWith("local-model/", classified.GetProperty("classifier").GetString());
        Assert.False(string.IsNullOrWhiteSpace(classified.GetProperty("explanation").GetString()));
        Assert.Equal("large-purchase", Details(entries, "document.awaiting-review").GetProperty("ruleId").GetString());
        var routed = Details(entries, "document.routed");
        Assert.Equal(("Finance", "reviewer"), (routed.GetProperty("department").GetString(), routed.GetProperty("ruleId").GetString()));
        Assert.Equal(("alice", "budget ok"), (routed.GetProperty("review").GetProperty("reviewer").GetString(), routed.GetProperty("review").GetProperty("comment").GetString()));
        Assert.Contains("money", Details(entries, "document.text-extracted").GetProperty("entities").EnumerateObject().Select(p => p.Name));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.GetProperty("traceId").GetString()));
        // The journey until review is one trace from the upload on (through the gateway); the reviewer's decision starts the next.
        Assert.Single(entries.Take(4).Select(e => e.GetProperty("traceId").GetString()).Distinct());
        Assert.Single(entries.Skip(4).Select(e => e.GetProperty("traceId").GetString()).Distinct());

        // Another tenant cannot read it.
        using var other = workflow.ClientWith(await workflow.CreateKeyAsync("initech", "auditor"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/documents/{id}/timeline")).StatusCode);
    }

    private static List<string?> Events(JsonElement timeline) =>
        timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();

    private static JsonElement Details(IEnumerable<JsonElement> entries, string type) =>
        entries.Single(e => e.GetProperty("event").GetString() == type).GetProperty("details");

    public Task DisposeAsync() => Task.CompletedTask;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// People in the loop, through the public address: the shipped rules send a purchase of 10,000
/// or more to review; a reviewer approves, reclassifies or rejects it; nobody deciding escalates
/// it and then sends it to the fallback department. The rules file is changed while the system
/// runs, as an operator would.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_a_person_reviews_a_document(RunningWorkflow workflow) : IAsyncLifetime
{
    private HttpClient Api => workflow.Api;

    [Fact]
    public async Task An_approved_document_goes_where_the_reviewer_said_and_a_second_decision_is_refused()
    {
        var id = await DocumentJourney.UploadAwaitingReviewAsync(Api);

        var pending = await Api.GetFromJsonAsync<JsonElement>("/v1/reviews?status=pending&limit=200");
        var review = pending.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("documentId").GetGuid() == id);
        Assert.Equal("pending", review.GetProperty("status").GetString());
        Assert.Equal("Procurement", review.GetProperty("department").GetString());
        Assert.Contains("large-purchase", review.GetProperty("reason").GetString());
        Assert.True(review.GetProperty("deadline").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var decision = await DecideAsync(id, new { decision = "approve", department = "Finance", reviewer = "alice", comment = "over budget line" });
        Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);
        Assert.Equal($"/v1/reviews/{id}", decision.Headers.Location?.OriginalString);
        var second = await DecideAsync(id, new { decision = "reject", reviewer = "bob" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        var status = await DocumentJourney.FinishedAsync(Api, id);
        Assert.Equal(("Completed", "Finance"), (status.GetProperty("status").GetString(), status.GetProperty("department").GetString()));
        var decided = await Api.GetFromJsonAsync<JsonElement>($"/v1/reviews/{id}");
        Assert.Equal("decided", decided.GetProperty("status").GetString());
        Assert.Equal("approve", decided.GetProperty("decision").GetProperty("decision").GetString());
        Assert.Equal("alice", decided.GetProperty("decision").GetProperty("reviewer").GetString());
        // Who decided, as authenticated: the id of the key that sent the decision (wf_{id}_{secret}).
        Assert.Equal(workflow.ApiKey.Split('_')[1], decided.GetProperty("decision").GetProperty("reviewerKeyId").GetString());
        Assert.Equal("over budget line", decided.GetProperty("decision").GetProperty("comment").GetString());
        Assert.Equal("reviewer", decided.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task A_rejected_document_ends_rejected()
    {
        var id = await DocumentJourney.UploadAwaitingReviewAsync(Api);

        Assert.Equal(HttpStatusCode.Accepted, (await DecideAsync(id, new { decision = "reject", reviewer = "carol", comment = "duplicate" })).StatusCode);

        var status = await DocumentJourney.FinishedAsync(Api, id);
        Assert.Equal("Rejected", status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("department").ValueKind);
    }

    [Fact]
    public async Task A_reclassified_document_is_routed_by_the_rules_for_its_new_category()
    {
        var id = await DocumentJourney.UploadAwaitingReviewAsync(Api);

        Assert.Equal(HttpStatusCode.Accepted,
            (await DecideAsync(id, new { decision = "reclassify", category = "Hardware", reviewer = "dan" })).StatusCode);

        var status = await DocumentJourney.FinishedAsync(Api, id);
        Assert.Equal(("Completed", "Hardware", "IT Operations"),
            (status.GetProperty("status").GetString(), status.GetProperty("category").GetString(), status.GetProperty("department").GetString()));
        Assert.Equal(1.0, status.GetProperty("confidence").GetDouble());
    }

    [Fact]
    public async Task Nobody_deciding_escalates_the_document_then_sends_it_to_the_fallback_department()
    {
        var rules = RunningWorkflow.ShippedRoutingRules
            .Replace("\"version\": \"2026-11-23\"", "\"version\": \"short-deadlines\"")
            .Replace("\"deadline\": \"1.00:00:00\"", "\"deadline\": \"00:00:01\"")
            .Replace("\"escalationDeadline\": \"1.00:00:00\"", "\"escalationDeadline\": \"00:00:01\"")
            .Replace("\"fallbackDepartment\": \"Service Desk\"", "\"fallbackDepartment\": \"Triage\"");
        await workflow.UseRoutingRulesAsync(rules, "short-deadlines");

        var id = await DocumentJourney.UploadAsync(Api, "order.txt", "text/plain", SampleDocuments.Text(DocumentJourney.LargePurchase));

        var status = await DocumentJourney.FinishedAsync(Api, id);
        Assert.Equal(("Completed", "Triage"), (status.GetProperty("status").GetString(), status.GetProperty("department").GetString()));
        var review = await Api.GetFromJsonAsync<JsonElement>($"/v1/reviews/{id}");
        Assert.Equal(JsonValueKind.String, review.GetProperty("escalatedAt").ValueKind);
        Assert.Equal("timed-out", review.GetProperty("decision").GetProperty("decision").GetString());
        Assert.Equal(("review-timeout", "short-deadlines"), (review.GetProperty("ruleId").GetString(), review.GetProperty("rulesVersion").GetString()));
    }

    [Fact]
    public async Task A_changed_rules_file_with_a_mistake_is_refused_and_the_rules_in_force_stay()
    {
        await File.WriteAllTextAsync(workflow.RoutingRulesPath, RunningWorkflow.ShippedRoutingRules
            .Replace("\"version\": \"2026-11-23\"", "\"version\": \"broken\"")
            .Replace("\"amountAtLeast\"", "\"amountOver\""));

        // The write truncates the file first: on a slow machine route may read it empty before the
        // content arrives (refused too, as "no JSON"), then read it whole. Wait for the refusal of the content.
        var state = await Eventually.MatchesAsync(
            () => Api.GetFromJsonAsync<JsonElement>("/v1/routing-rules"),
            s => s.GetProperty("problem").ValueKind == JsonValueKind.Object
                && s.GetProperty("problem").GetProperty("errors").EnumerateArray().Any(e => e.GetString()!.Contains("amountOver", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "route to refuse the changed rules, naming the unknown condition");
        Assert.Equal("2026-11-23", state.GetProperty("rules").GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("""{ "decision": "maybe", "reviewer": "x" }""", "decision")]
    [InlineData("""{ "decision": "approve" }""", "reviewer")]
    [InlineData("""{ "decision": "reclassify", "reviewer": "x" }""", "category")]
    public async Task An_invalid_decision_is_a_problem_naming_the_field(string body, string field)
    {
        var response = await Api.PostAsync($"/v1/reviews/{Guid.NewGuid()}/decision", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_decision_about_an_unknown_document_is_not_found()
    {
        var response = await DecideAsync(Guid.NewGuid(), new { decision = "approve", reviewer = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> DecideAsync(Guid id, object decision) => Api.PostAsJsonAsync($"/v1/reviews/{id}/decision", decision);

    public Task InitializeAsync() => workflow.UseShippedRoutingRulesAsync();

    public Task DisposeAsync() => workflow.UseShippedRoutingRulesAsync();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Idempotency-Key on the POSTs besides uploads (ingest's own tests cover those): a repeat gets
/// the first response, not a second effect; another request with the key gets 422; concurrent
/// repeats make one effect.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_a_post_is_repeated_with_an_idempotency_key(RunningWorkflow workflow) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await workflow.UseShippedRoutingRulesAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    [Fact]
    public async Task Creating_a_webhook_twice_with_one_key_makes_one_subscription_and_answers_the_first_response_again()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { url = _receiver.Url, eventTypes = new[] { "document.completed" }, description = "idempotent" };

        var first = await PostAsync("/v1/webhooks", key, body);
        var again = await PostAsync("/v1/webhooks", key, body);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(created.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        var id = created.GetProperty("id").GetGuid();
        Assert.Single((await workflow.Api.GetFromJsonAsync<JsonElement>("/v1/webhooks")).EnumerateArray(), w => w.GetProperty("description").GetString() == "idempotent");

        var other = await PostAsync("/v1/webhooks", key, body with { description = "another" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("urn:workflow:problem:idempotency-key-reused", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        await workflow.Api.DeleteAsync($"/v1/webhooks/{id}");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_subscription()
    {
        var key = Guid.NewGuid().ToString();
        var description = $"concurrent {key}";
        var body = new { url = _receiver.Url, eventTypes = new[] { "document.completed" }, description };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync("/v1/webhooks", key, body)));

        // Each is the first response (201), or its replay, or 409 "still running" with Retry-After for a repeat that came too early.
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.Conflict), r => Assert.NotNull(r.Headers.RetryAfter));
        var subscriptions = (await workflow.Api.GetFromJsonAsync<JsonElement>("/v1/webhooks")).EnumerateArray()
            .Where(w => w.GetProperty("description").GetString() == description).ToList();
        var subscription = Assert.Single(subscriptions);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/v1/webhooks", key, body)).StatusCode);
        await workflow.Api.DeleteAsync($"/v1/webhooks/{subscription.GetProperty("id").GetGuid()}");
    }

    [Fact]
    public async Task A_review_decision_repeated_with_its_key_is_answered_again_instead_of_409()
    {
        var id = await DocumentJourney.UploadAwaitingReviewAsync(workflow.Api);
        var key = Guid.NewGuid().ToString();
        var decision = new { decision = "approve", reviewer = "alice" };

        var first = await PostAsync($"/v1/reviews/{id}/decision", key, decision);
        var again = await PostAsync($"/v1/reviews/{id}/decision", key, decision);
        var withoutKey = await workflow.Api.PostAsJsonAsync($"/v1/reviews/{id}/decision", decision);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.Conflict, withoutKey.StatusCode);
        Assert.Equal("Completed", (await DocumentJourney.FinishedAsync(workflow.Api, id)).GetProperty("status").GetString());
    }

    private Task<HttpResponseMessage> PostAsync<T>(string path, string key, T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return workflow.Api.SendAsync(request);
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Two tenants on one system, through the public address: each key sees only its own tenant's
/// documents, reviews and webhooks (another tenant's are 404, never 403: no existence leak), a
/// subscriber hears only about its tenant's documents, and a key's roles decide what it may do.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_tenants_share_the_system(RunningWorkflow workflow) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await workflow.UseShippedRoutingRulesAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    [Fact]
    public async Task Another_tenants_documents_reviews_and_webhooks_are_not_found_on_any_endpoint()
    {
        var otherKey = await workflow.CreateKeyAsync("globex", "submitter", "reviewer", "auditor", "admin");
        using var other = workflow.ClientWith(otherKey);
        var mine = await WebhookSubscription.CreateAsync(workflow.Api, _receiver, "*");
        var theirs = await WebhookSubscription.CreateAsync(other, _receiver, "*");
        var id = await DocumentJourney.UploadAwaitingReviewAsync(workflow.Api);

        var probes = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/v1/documents/{id}", null),
            (HttpMethod.Get, $"/v1/reviews/{id}", null),
            (HttpMethod.Post, $"/v1/reviews/{id}/decision", new { decision = "reject", reviewer = "mallory" }),
            (HttpMethod.Get, $"/v1/webhooks/{mine.Id}", null),
            (HttpMethod.Get, $"/v1/webhooks/{mine.Id}/deliveries", null),
            (HttpMethod.Post, $"/v1/webhooks/{mine.Id}/deliveries/{Guid.NewGuid()}/redeliver", null),
            (HttpMethod.Delete, $"/v1/webhooks/{mine.Id}", null),
        };
        foreach (var (method, path, body) in probes)
        {
            var response = await other.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} as another tenant: {(int)response.StatusCode}");
        }

        // Failed messages hold every tenant's events: another tenant's admin may not read them.
        using var classifyAsOtherAdmin = workflow.ClientWith(otherKey, "classify");
        Assert.Equal(HttpStatusCode.Forbidden, (await classifyAsOtherAdmin.GetAsync("/admin/failed-messages")).StatusCode);

        Assert.DoesNotContain(Ids(await other.GetFromJsonAsync<JsonElement>("/v1/documents?limit=200"), "documentId"), i => i == id);
        Assert.DoesNotContain(Ids(await other.GetFromJsonAsync<JsonElement>("/v1/reviews?status=all&limit=200"), "documentId"), i => i == id);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/v1/webhooks")).EnumerateArray(), w => w.GetProperty("id").GetGuid() == mine.Id);

        // The owner decides; its subscriber hears of the document, the other tenant's does not.
        Assert.Equal(HttpStatusCode.Accepted, (await workflow.Api.PostAsJsonAsync($"/v1/reviews/{id}/decision", new { decision = "approve", reviewer = "alice" })).StatusCode);
        Assert.Equal("Completed", (await DocumentJourney.FinishedAsync(workflow.Api, id)).GetProperty("status").GetString());
        var heard = await Eventually.MatchesAsync(() => Task.FromResult(WebhookSubscription.About(_receiver, id, "document.completed").ToList()),
            w => w.Count > 0, TimeSpan.FromSeconds(30), "the owner's subscriber to hear of the completion");
        Assert.True(Assert.Single(heard).IsSignedWith(mine.Secret), "delivered to the owner's subscription, signed with its secret");
        Assert.DoesNotContain(_receiver.Received, w => w.Body.Contains(id.ToString()) && w.IsSignedWith(theirs.Secret));

        await workflow.Api.DeleteAsync($"/v1/webhooks/{mine.Id}");
        await other.DeleteAsync($"/v1/webhooks/{theirs.Id}");
    }

    [Fact]
    public async Task A_key_may_do_only_what_its_roles_allow()
    {
        var submitterKey = await workflow.CreateKeyAsync("default", "submitter");
        using var submitter = workflow.ClientWith(submitterKey);
        using var auditor = workflow.ClientWith(await workflow.CreateKeyAsync("default", "auditor"));
        using var anonymous = workflow.ClientWith(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await submitter.GetAsync("/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await submitter.GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await submitter.GetAsync("/v1/routing-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/v1/reviews/{Guid.NewGuid()}/decision", new { decision = "reject", reviewer = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/v1/documents", new { fileName = "a.txt", contentBase64 = "YQ==" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/v1/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/v1/routing-rules")).StatusCode);
        using var classifyAsSubmitter = workflow.ClientWith(submitterKey, "classify");
        Assert.Equal(HttpStatusCode.Forbidden, (await classifyAsSubmitter.GetAsync("/admin/failed-messages")).StatusCode);
    }

    private static IEnumerable<Guid> Ids(JsonElement page, string property) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty(property).GetGuid());

    public async Task DisposeAsync() => await _receiver.DisposeAsync();
}

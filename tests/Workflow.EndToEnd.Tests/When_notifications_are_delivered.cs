using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// notify tells systems (signed webhooks to a real local receiver) and people (e-mail through a
/// real SMTP server), retries what fails, and completes a document once every delivery its
/// routing needed has been delivered or has died.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_notifications_are_delivered(RunningWorkflow workflow) : IAsyncLifetime
{
    private const string Purchase = "Please raise a purchase order for the vendor quote attached, price 1200 EUR.";
    private WebhookReceiver _receiver = null!;
    private readonly List<Guid> _subscriptions = [];

    private HttpClient Api => workflow.Api;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    [Fact]
    public async Task A_subscriber_gets_signed_events_the_department_an_email_and_the_document_shows_both_delivered()
    {
        var (subscription, secret) = await SubscribeAsync("document.routed", "document.completed");

        var id = await DocumentJourney.UploadAsync(Api, "order.txt", "text/plain", SampleDocuments.Text(Purchase));
        var status = await DocumentJourney.FinishedAsync(Api, id);

        Assert.Equal(("Completed", "Procurement"), (status.GetProperty("status").GetString(), status.GetProperty("department").GetString()));
        Assert.Equal(2, status.GetProperty("notifications").GetProperty("delivered").GetInt32());
        Assert.Equal(0, status.GetProperty("notifications").GetProperty("failed").GetInt32());

        var routed = Single(ForDocument(id), "document.routed");
        Assert.True(routed.IsSignedWith(secret), "the signature verifies with the subscription's secret");
        Assert.False(routed.IsSignedWith("whsec_" + Convert.ToBase64String(new byte[32])), "and with no other");
        Assert.True(routed.IsFresh(TimeSpan.FromMinutes(5)));
        var body = JsonDocument.Parse(routed.Body).RootElement;
        Assert.Equal("Procurement", body.GetProperty("data").GetProperty("department").GetString());
        Assert.Equal("purchase", body.GetProperty("data").GetProperty("ruleId").GetString());

        await Eventually.MatchesAsync(() => Task.FromResult(ForDocument(id).Count(w => Type(w) == "document.completed")), n => n == 1,
            TimeSpan.FromSeconds(30), "the document.completed webhook");
        var mail = await Eventually.MatchesAsync(
            () => Task.FromResult(workflow.Mail.Messages.FirstOrDefault(m => m.Message.TextBody?.Contains(id.ToString(), StringComparison.Ordinal) == true)),
            m => m.Message is not null, TimeSpan.FromSeconds(30), "the department's e-mail");
        Assert.Equal([RunningWorkflow.ProcurementAddress], mail.Recipients);
        Assert.Contains("Purchase", mail.Message.Subject);

        var log = await Api.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{subscription}/deliveries?status=delivered");
        var entry = log.GetProperty("items").EnumerateArray().First(d => d.GetProperty("documentId").GetGuid() == id && d.GetProperty("eventType").GetString() == "document.routed");
        Assert.Equal(routed.Id, entry.GetProperty("id").GetGuid().ToString());
        Assert.Equal(204, entry.GetProperty("attemptLog")[0].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_honouring_Retry_After_then_dead_and_a_redriven_delivery_arrives_with_the_same_id()
    {
        _receiver.Answer = call => call == 1 ? new WebhookAnswer(429, RetryAfterSeconds: 1) : new WebhookAnswer(500);
        var (subscription, _) = await SubscribeAsync("document.routed");

        var id = await DocumentJourney.UploadAsync(Api, "order.txt", "text/plain", SampleDocuments.Text(Purchase));
        var status = await DocumentJourney.FinishedAsync(Api, id);

        // The webhook died after its 4 attempts; the e-mail arrived: complete, with the failure shown.
        Assert.Equal("Completed", status.GetProperty("status").GetString());
        Assert.Equal((1, 1), (status.GetProperty("notifications").GetProperty("delivered").GetInt32(),
            status.GetProperty("notifications").GetProperty("failed").GetInt32()));
        var attempts = ForDocument(id).OrderBy(w => w.At).ToList();
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts.Select(a => a.Id).Distinct());
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.9), "the second attempt waited for Retry-After: 1");

        var dead = (await Api.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{subscription}/deliveries?status=dead")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("documentId").GetGuid() == id);
        Assert.Equal(4, dead.GetProperty("attemptLog").GetArrayLength());
        Assert.Contains("500", dead.GetProperty("lastError").GetString());

        _receiver.Answer = _ => WebhookAnswer.Ok;
        var redrive = await Api.PostAsync($"/v1/webhooks/{subscription}/deliveries/{dead.GetProperty("id").GetGuid()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redrive.StatusCode);

        await Eventually.MatchesAsync(() => Task.FromResult(ForDocument(id).Count()), n => n == 5, TimeSpan.FromSeconds(30), "the re-driven delivery");
        Assert.Equal(attempts[0].Id, ForDocument(id).OrderBy(w => w.At).Last().Id);
        var again = await Api.PostAsync($"/v1/webhooks/{subscription}/deliveries/{dead.GetProperty("id").GetGuid()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task An_escalated_review_is_mailed_to_the_reviewers()
    {
        try
        {
            await workflow.UseRoutingRulesAsync(RunningWorkflow.ShippedRoutingRules
                .Replace("\"version\": \"2026-11-23\"", "\"version\": \"escalate-fast\"")
                .Replace("\"deadline\": \"1.00:00:00\"", "\"deadline\": \"00:00:01\""), "escalate-fast");

            var id = await DocumentJourney.UploadAsync(Api, "order.txt", "text/plain",
                SampleDocuments.Text("Purchase order for 40 monitors from the vendor quote, total 52,000 EUR."));

            var mail = await Eventually.MatchesAsync(
                () => Task.FromResult(workflow.Mail.Messages.FirstOrDefault(m => m.Recipients.Contains(RunningWorkflow.ReviewersAddress)
                    && m.Message.TextBody?.Contains(id.ToString(), StringComparison.Ordinal) == true)),
                m => m.Message is not null, TimeSpan.FromSeconds(60), "the escalation e-mail");
            Assert.Contains("Review overdue", mail.Message.Subject);
            Assert.Equal(HttpStatusCode.Accepted, (await Api.PostAsJsonAsync($"/v1/reviews/{id}/decision",
                new { decision = "reject", reviewer = "erin" })).StatusCode);
            Assert.Equal("Rejected", (await DocumentJourney.FinishedAsync(Api, id)).GetProperty("status").GetString());
        }
        finally
        {
            await workflow.UseShippedRoutingRulesAsync();
        }
    }

    [Theory]
    [InlineData("""{ "url": "http://169.254.169.254/latest/meta-data", "eventTypes": ["document.routed"] }""", "url")]
    [InlineData("""{ "url": "https://hooks.example.test/x", "eventTypes": ["document.exploded"] }""", "eventTypes")]
    [InlineData("""{ "url": "https://hooks.example.test/x", "eventTypes": ["*"], "secret": "hunter2" }""", "secret")]
    public async Task An_invalid_subscription_is_a_problem_naming_the_field(string json, string field)
    {
        var response = await Api.PostAsync("/v1/webhooks", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_subscription_shows_its_secret_only_once_and_is_gone_after_delete()
    {
        var (subscription, _) = await SubscribeAsync("*");

        var shown = await Api.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{subscription}");
        Assert.False(shown.TryGetProperty("secret", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await Api.DeleteAsync($"/v1/webhooks/{subscription}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync($"/v1/webhooks/{subscription}")).StatusCode);
    }

    private async Task<(Guid Id, string Secret)> SubscribeAsync(params string[] eventTypes)
    {
        var subscription = await WebhookSubscription.CreateAsync(Api, _receiver, eventTypes);
        _subscriptions.Add(subscription.Id);
        return (subscription.Id, subscription.Secret);
    }

    private IEnumerable<ReceivedWebhook> ForDocument(Guid id) => _receiver.Received.Where(w => w.Body.Contains(id.ToString()));

    private static string? Type(ReceivedWebhook webhook) => JsonDocument.Parse(webhook.Body).RootElement.GetProperty("type").GetString();

    private static ReceivedWebhook Single(IEnumerable<ReceivedWebhook> webhooks, string type) => Assert.Single(webhooks, w => Type(w) == type);

    public async Task DisposeAsync()
    {
        // Later tests' documents must not wait for a receiver that is gone.
        foreach (var id in _subscriptions)
        {
            await Api.DeleteAsync($"/v1/webhooks/{id}");
        }

        await _receiver.DisposeAsync();
    }
}

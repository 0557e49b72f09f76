using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>A subscription to notify's webhooks, made through the public address, with the secret shown once.</summary>
public sealed record WebhookSubscription(Guid Id, string Secret)
{
    public static async Task<WebhookSubscription> CreateAsync(HttpClient api, WebhookReceiver receiver, params string[] eventTypes)
    {
        var response = await api.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, eventTypes, description = "test receiver" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/v1/webhooks/{id}", response.Headers.Location?.OriginalString);
        return new WebhookSubscription(id, created.GetProperty("secret").GetString()!);
    }

    /// <summary>The webhooks a receiver got about one document, of one event type.</summary>
    public static IEnumerable<ReceivedWebhook> About(WebhookReceiver receiver, Guid documentId, string type) =>
        receiver.Received.Where(w => w.Body.Contains(documentId.ToString(), StringComparison.Ordinal)
            && JsonDocument.Parse(w.Body).RootElement.GetProperty("type").GetString() == type);
}

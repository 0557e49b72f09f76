using System.Net;
using System.Net.Http.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// What the services log (everything the AppHost prints for them) never contains a document's
/// content, an API key or a webhook secret, while a document goes all the way through, a webhook
/// is signed with the secret, and a bad request is refused.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_logs_are_read(RunningWorkflow workflow)
{
    [Fact]
    public async Task No_document_content_api_key_or_secret_is_logged()
    {
        var content = $"Confidential salary review {Guid.NewGuid():N} for the HR department, please handle discreetly.";
        var key = await workflow.CreateKeyAsync("default", "submitter");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await WebhookSubscription.CreateAsync(workflow.Api, receiver, "document.routed");
        foreach (var secret in new[] { content, key, workflow.ApiKey, subscription.Secret, subscription.Secret["whsec_".Length..] })
        {
            workflow.WatchOutputFor(secret);
        }

        using var client = workflow.ClientWith(key);
        var id = await DocumentJourney.UploadAsync(client, "hr.txt", "text/plain", SampleDocuments.Text(content));
        Assert.Equal("Completed", (await DocumentJourney.FinishedAsync(workflow.Api, id)).GetProperty("status").GetString());
        await Eventually.MatchesAsync(() => Task.FromResult(WebhookSubscription.About(receiver, id, "document.routed").Count()), n => n == 1,
            TimeSpan.FromSeconds(30), "the signed webhook");
        using var wrong = workflow.ClientWith(key + "tampered");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.PostAsJsonAsync("/v1/documents", new { fileName = "x.txt", contentBase64 = "eA==" })).StatusCode);

        Assert.Equal(0, workflow.TimesPrinted(content));
        Assert.Equal(0, workflow.TimesPrinted(key));
        Assert.Equal(0, workflow.TimesPrinted(workflow.ApiKey));
        Assert.Equal(0, workflow.TimesPrinted(subscription.Secret["whsec_".Length..]));
        await workflow.Api.DeleteAsync($"/v1/webhooks/{subscription.Id}");
    }
}

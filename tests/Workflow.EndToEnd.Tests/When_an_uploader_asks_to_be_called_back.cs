using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// An upload with a <c>callbackUrl</c>: when the document finishes (completed or failed) notify
/// calls that URL once with the final status, signed with the tenant's callback secret, and the
/// call is in the tenant's callback log.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_an_uploader_asks_to_be_called_back(RunningWorkflow workflow) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    private HttpClient Api => workflow.Api;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    [Fact]
    public async Task A_finished_document_is_called_back_once_signed_with_its_final_status_completed_or_failed()
    {
        var secret = (await Api.GetFromJsonAsync<JsonElement>("/v1/webhooks/callbacks/secret")).GetProperty("secret").GetString()!;
        await using var subscriber = await WebhookReceiver.StartAsync();
        var everything = await WebhookSubscription.CreateAsync(Api, subscriber, "*");

        var completed = await UploadAsync("printer.txt", SampleDocuments.Text("The office printer is jammed and shows error 13."), "T-100");
        var failed = await UploadAsync("broken.pdf", SampleDocuments.CorruptPdf(), "T-101");

        var completedCall = await CallbackAsync(completed);
        var failedCall = await CallbackAsync(failed);
        Assert.All(new[] { completedCall, failedCall }, call =>
        {
            Assert.True(call.IsSignedWith(secret), "the signature verifies with the tenant's callback secret");
            Assert.True(call.IsFresh(TimeSpan.FromMinutes(5)));
        });

        var done = JsonDocument.Parse(completedCall.Body).RootElement;
        Assert.Equal("document.finished", done.GetProperty("type").GetString());
        var data = done.GetProperty("data");
        var status = await DocumentJourney.FinishedAsync(Api, completed);
        Assert.Equal(("Completed", "T-100"), (data.GetProperty("status").GetString(), data.GetProperty("externalRef").GetString()));
        Assert.Equal(status.GetProperty("category").GetString(), data.GetProperty("category").GetString());
        Assert.Equal(status.GetProperty("department").GetString(), data.GetProperty("department").GetString());

        var failure = JsonDocument.Parse(failedCall.Body).RootElement.GetProperty("data");
        Assert.Equal(("Failed", "extract"), (failure.GetProperty("status").GetString(), failure.GetProperty("failedStep").GetString()));
        Assert.StartsWith("The PDF could not be read", failure.GetProperty("failureReason").GetString());

        var log = await Eventually.MatchesAsync(
            () => Api.GetFromJsonAsync<JsonElement>($"/v1/webhooks/callbacks/deliveries?documentId={completed}&status=delivered"),
            l => l.GetProperty("items").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the callback in the log as delivered");
        Assert.Equal(completedCall.Id, log.GetProperty("items")[0].GetProperty("id").GetGuid().ToString());
        Assert.Single(_receiver.Received, w => w.Body.Contains(completed.ToString(), StringComparison.Ordinal));

        // The callback is the uploader's alone: a subscriber of every event type is not sent it (its deliveries were committed with the callback's).
        var subscribed = await Api.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{everything.Id}/deliveries?limit=200");
        Assert.DoesNotContain(subscribed.GetProperty("items").EnumerateArray(), d => d.GetProperty("eventType").GetString() == "document.finished");
        Assert.Contains(subscribed.GetProperty("items").EnumerateArray(), d => d.GetProperty("documentId").GetGuid() == completed);
        await Api.DeleteAsync($"/v1/webhooks/{everything.Id}");
    }

    [Fact]
    public async Task A_rotated_secret_signs_the_next_callbacks_and_another_tenant_sees_none_of_them()
    {
        var old = (await Api.GetFromJsonAsync<JsonElement>("/v1/webhooks/callbacks/secret")).GetProperty("secret").GetString()!;
        var rotated = await Api.PostAsync("/v1/webhooks/callbacks/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(old, secret);

        var id = await UploadAsync("printer.txt", SampleDocuments.Text("The office printer is jammed and shows error 13."), "T-102");
        var call = await CallbackAsync(id);
        Assert.True(call.IsSignedWith(secret));
        Assert.False(call.IsSignedWith(old));

        using var stranger = workflow.ClientWith(await workflow.CreateKeyAsync("callbacks-stranger", "admin"));
        var theirs = await stranger.GetFromJsonAsync<JsonElement>($"/v1/webhooks/callbacks/deliveries?documentId={id}");
        Assert.Equal(0, theirs.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/v1/webhooks/callbacks/deliveries/{call.Id}/redeliver", null)).StatusCode);
        var theirSecret = (await stranger.GetFromJsonAsync<JsonElement>("/v1/webhooks/callbacks/secret")).GetProperty("secret").GetString();
        Assert.NotEqual(secret, theirSecret);
    }

    private async Task<Guid> UploadAsync(string fileName, byte[] content, string externalRef)
    {
        var response = await Api.PostAsJsonAsync("/v1/documents", new
        {
            fileName, contentBase64 = Convert.ToBase64String(content), externalRef, callbackUrl = _receiver.Url + "?ref=" + externalRef,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
    }

    private Task<ReceivedWebhook> CallbackAsync(Guid documentId) =>
        Eventually.MatchesAsync(
            () => Task.FromResult(_receiver.Received.FirstOrDefault(w => w.Body.Contains(documentId.ToString(), StringComparison.Ordinal))!),
            w => w is not null, DocumentJourney.Patience, $"the callback for document {documentId}");

    public async Task DisposeAsync() => await _receiver.DisposeAsync();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The whole product at once, as a customer meets it: documents of every supported format
/// uploaded together through the public address, read by real extraction (OCR included),
/// classified by the shipped local model, routed by the shipped rules file with one case
/// decided by a person through the reviews API, and each completion told to a subscriber by a
/// signed webhook that the receiver verifies.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_every_format_goes_through_the_whole_system(RunningWorkflow workflow) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private WebhookSubscription _subscription = null!;

    private HttpClient Api => workflow.Api;

    public async Task InitializeAsync()
    {
        await workflow.UseShippedRoutingRulesAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _subscription = await WebhookSubscription.CreateAsync(Api, _receiver, "document.completed");
    }

    [Fact]
    public async Task Each_is_read_classified_routed_reviewed_where_unsure_and_announced_by_a_signed_webhook()
    {
        (string Name, string ContentType, byte[] Content, string Category)[] documents =
        [
            ("ticket.txt", "text/plain", SampleDocuments.Text("My laptop screen flickers and the docking station no longer charges the battery."), "Hardware"),
            ("quote.pdf", "application/pdf", SampleDocuments.Pdf("Please raise a purchase order for the vendor quote.", "The price is 1200 EUR."), "Purchase"),
            ("access.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                SampleDocuments.Docx(["Access request", "Please unlock my account: the password reset did not work."], ["VPN", "login fails"]), "Access"),
            ("order.eml", "message/rfc822", SampleDocuments.Email("Purchase order for toner", "Please raise a purchase order for the attached vendor quote.",
                ("quote.pdf", SampleDocuments.Pdf("Vendor quote: 20 toner cartridges", "Price 340 EUR, payment in 30 days"))), "Purchase"),
            ("leave.html", "text/html", SampleDocuments.Text(
                "<html><head><script>var x = 1;</script></head><body><p>Question about my holiday leave balance and salary.</p></body></html>"), "HR Support"),
            ("order.jpg", "image/jpeg", SampleDocuments.ScannedOrderJpeg(), "Purchase"),
            ("scan.pdf", "application/pdf", SampleDocuments.ScannedPdf(SampleDocuments.ScannedOrderJpeg()), "Purchase"),
        ];
        var uploads = await Task.WhenAll(documents.Select(d => DocumentJourney.UploadAsync(Api, d.Name, d.ContentType, d.Content)));
        // The shipped rules send a purchase of 10,000 or more to a person, who approves it for Finance.
        var unsure = await DocumentJourney.UploadAwaitingReviewAsync(Api, "large-order.txt");
        var decision = await Api.PostAsJsonAsync($"/v1/reviews/{unsure}/decision", new { decision = "approve", department = "Finance", reviewer = "alice" });
        Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);

        var finished = await Task.WhenAll(uploads.Append(unsure).Select(id => DocumentJourney.FinishedAsync(Api, id)));
        for (var i = 0; i < documents.Length; i++)
        {
            var status = finished[i];
            Assert.True(status.GetProperty("status").GetString() == "Completed", $"{documents[i].Name}: {status}");
            Assert.Equal((documents[i].Name, documents[i].Category), (documents[i].Name, status.GetProperty("category").GetString()));
            Assert.Equal(JsonValueKind.String, status.GetProperty("department").ValueKind);
        }

        Assert.Equal(("Completed", "Finance"), (finished[^1].GetProperty("status").GetString(), finished[^1].GetProperty("department").GetString()));
        foreach (var id in uploads.Append(unsure))
        {
            var completed = await Eventually.MatchesAsync(
                () => Task.FromResult(WebhookSubscription.About(_receiver, id, "document.completed").ToList()), w => w.Count > 0,
                TimeSpan.FromSeconds(30), $"the document.completed webhook for {id}");
            Assert.True(Assert.Single(completed).IsSignedWith(_subscription.Secret), "the receiver verifies the signature with the subscription's secret");
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DeleteAsync($"/v1/webhooks/{_subscription.Id}");
        await _receiver.DisposeAsync();
    }
}

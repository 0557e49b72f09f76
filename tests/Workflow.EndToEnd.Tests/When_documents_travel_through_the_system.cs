using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

[Collection(WorkflowCollection.Name)]
public sealed class When_documents_travel_through_the_system(RunningWorkflow workflow)
{
    private HttpClient Api => workflow.Api;

    [Fact]
    public async Task A_text_document_is_completed_with_its_category_and_department()
    {
        var id = await DocumentJourney.UploadAsync(Api, "ticket.txt", "text/plain",
            SampleDocuments.Text("My laptop screen flickers and the docking station no longer charges the battery."));

        var status = await DocumentJourney.FinishedAsync(Api, id);

        AssertCompleted(status, "Hardware", "IT Operations");
    }

    [Fact]
    public async Task A_pdf_sent_as_json_is_completed()
    {
        var pdf = SampleDocuments.Pdf("Please raise a purchase order for the vendor quote.", "The price is 1200 EUR, payment in 30 days.");
        var response = await Api.PostAsJsonAsync("/v1/documents", new
        {
            fileName = "quote.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(pdf),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();

        var status = await DocumentJourney.FinishedAsync(Api, id);

        AssertCompleted(status, "Purchase", "Procurement");
        Assert.Equal(pdf.Length, status.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task A_docx_document_is_completed()
    {
        var docx = SampleDocuments.Docx(["Access request", "Please unlock my account: the password reset did not work."], ["VPN", "login fails"]);

        var id = await DocumentJourney.UploadAsync(Api, "access.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx);

        AssertCompleted(await DocumentJourney.FinishedAsync(Api, id), "Access", "Identity and Access");
    }

    [Fact]
    public async Task An_email_with_a_pdf_attachment_is_completed()
    {
        var eml = SampleDocuments.Email("Purchase order for toner", "Please raise a purchase order for the attached vendor quote.",
            ("quote.pdf", SampleDocuments.Pdf("Vendor quote: 20 toner cartridges", "Price 340 EUR, payment in 30 days")));

        var id = await DocumentJourney.UploadAsync(Api, "order.eml", "message/rfc822", eml);

        AssertCompleted(await DocumentJourney.FinishedAsync(Api, id), "Purchase", "Procurement");
    }

    [Fact]
    public async Task A_web_page_is_completed()
    {
        var html = SampleDocuments.Text(
            "<html><head><title>Leave</title><script>var x = 1;</script></head><body><p>Question about my holiday leave balance and salary.</p></body></html>");

        var id = await DocumentJourney.UploadAsync(Api, "leave.html", "text/html", html);

        AssertCompleted(await DocumentJourney.FinishedAsync(Api, id), "HR Support", "Human Resources");
    }

    [Fact]
    public async Task A_large_document_travels_by_reference_and_is_completed()
    {
        // Over the inline limits for both the bytes (16 KiB) and the extracted text (32 Ki characters).
        var text = string.Concat(Enumerable.Repeat("the shared drive folder has no storage space left, please raise the quota. ", 600));

        var id = await DocumentJourney.UploadAsync(Api, "storage.txt", "text/plain", Encoding.UTF8.GetBytes(text));

        var status = await DocumentJourney.FinishedAsync(Api, id);
        AssertCompleted(status, "Storage", "IT Operations");
        Assert.Equal(text.Length, status.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task A_document_published_straight_to_rabbitmq_is_processed_like_an_upload()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(workflow.BrokerConnectionString);
        var id = Guid.NewGuid();
        var content = "please install the compiler, I need administrator rights on my workstation"u8.ToArray();

        await broker.PublishJsonAsync("workflow.document-uploaded", $$"""
            {"documentId":"{{id}}","fileName":"admin.txt","contentType":"text/plain","content":"{{Convert.ToBase64String(content)}}"}
            """);

        AssertCompleted(await DocumentJourney.FinishedAsync(Api, id), "Administrative rights", "Identity and Access");
        // Ingest hears of such a document from its own copy of the upload event, which may come
        // after the later steps' events (they open the record first), so its description can
        // follow the completion by a retry.
        var status = await Eventually.MatchesAsync(
            () => Api.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}"), s => s.GetProperty("fileName").GetString() == "admin.txt",
            DocumentJourney.Patience, "the document's description");
        AssertCompleted(status, "Administrative rights", "Identity and Access");
        Assert.Equal(content.Length, status.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task A_corrupt_pdf_fails_at_extraction_with_the_reason()
    {
        var id = await DocumentJourney.UploadAsync(Api, "broken.pdf", "application/pdf", SampleDocuments.CorruptPdf());

        var status = await DocumentJourney.FinishedAsync(Api, id);

        Assert.Equal("Failed", status.GetProperty("status").GetString());
        var failure = status.GetProperty("failure");
        Assert.Equal("extract", failure.GetProperty("step").GetString());
        Assert.StartsWith("The PDF could not be read", failure.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("category").ValueKind);
    }

    [Fact]
    public async Task A_step_that_gives_up_shows_the_document_failed_and_a_redrive_after_the_fix_completes_it()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(workflow.BrokerConnectionString);
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        var textKey = $"texts/{id:N}.txt";

        // The extracted text is announced but missing from the document store: classify retries, then gives up.
        await broker.PublishEventAsync("workflow.document-text-extracted", new
        {
            documentId = id, format = "text", characterCount = 50000, textStorageKey = textKey,
        }, messageId);

        var status = await DocumentJourney.FinishedAsync(Api, id);
        Assert.Equal("Failed", status.GetProperty("status").GetString());
        var failure = status.GetProperty("failure");
        Assert.Equal("classify", failure.GetProperty("step").GetString());
        Assert.Equal($"Document store has no entry '{textKey}'.", failure.GetProperty("reason").GetString());

        using var admin = workflow.ServiceClient("classify");
        var failed = await Eventually.MatchesAsync(
            () => admin.GetFromJsonAsync<JsonElement>("/admin/failed-messages"),
            list => list.EnumerateArray().Any(m => m.GetProperty("messageId").GetString() == messageId),
            DocumentJourney.Patience, "the message in classify's failed messages");
        var listed = failed.EnumerateArray().Single(m => m.GetProperty("messageId").GetString() == messageId);
        Assert.Equal("classify-document-text-extracted", listed.GetProperty("queue").GetString());
        Assert.Equal($"Document store has no entry '{textKey}'.", listed.GetProperty("reason").GetString());

        // The cause is fixed (the text is where it should be); the message is sent back.
        var textPath = Path.Combine(workflow.DocumentStorePath, textKey);
        Directory.CreateDirectory(Path.GetDirectoryName(textPath)!);
        await File.WriteAllTextAsync(textPath, "please raise a purchase order for the vendor quote");
        var redrive = await admin.PostAsync($"/admin/failed-messages/redrive?messageId={messageId}", null);
        Assert.Equal(1, (await redrive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("redriven").GetInt32());

        var completed = await Eventually.MatchesAsync(
            () => Api.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}"), s => s.GetProperty("status").GetString() == "Completed",
            DocumentJourney.Patience, "the re-driven document to complete");
        Assert.Equal("Purchase", completed.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, completed.GetProperty("failure").ValueKind);
        var remaining = await admin.GetFromJsonAsync<JsonElement>("/admin/failed-messages");
        Assert.DoesNotContain(remaining.EnumerateArray(), m => m.GetProperty("messageId").GetString() == messageId);
    }

    [Fact]
    public async Task A_poison_message_lands_in_an_error_queue_and_every_service_stays_ready()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(workflow.BrokerConnectionString);
        var marker = Guid.NewGuid().ToString("N");

        await broker.PublishJsonAsync("workflow.document-uploaded", "{\"fileName\":\"" + marker + "\",");

        var failed = await Eventually.MatchesAsync(
            () => broker.TakeAsync("extract-document-uploaded_error"), m => m is not null && m.Body.Contains(marker),
            DocumentJourney.Patience, "the malformed message in extract's error queue");
        Assert.False(string.IsNullOrEmpty(failed!.Headers["MT-Fault-Message"]));
        using var probe = new HttpClient();
        foreach (var service in RunningWorkflow.Services)
        {
            var ready = await probe.GetAsync(new Uri(workflow.ServiceAddress(service), "/health/ready"));
            Assert.True(ready.IsSuccessStatusCode, $"{service} is not ready after the poison message");
        }
    }

    [Fact]
    public async Task Every_service_is_ready_only_with_its_database_and_the_broker_checked()
    {
        using var probe = new HttpClient();
        foreach (var service in RunningWorkflow.Services)
        {
            var report = await probe.GetFromJsonAsync<JsonElement>(new Uri(workflow.ServiceAddress(service), "/health/ready"));

            Assert.Equal("Healthy", report.GetProperty("status").GetString());
            var checks = report.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
            Assert.Contains("database", checks);
            Assert.Contains(checks, c => c.StartsWith("masstransit", StringComparison.Ordinal));
        }
    }

    private static void AssertCompleted(JsonElement status, string category, string department)
    {
        Assert.True(status.GetProperty("status").GetString() == "Completed", $"not completed: {status}");
        Assert.Equal(category, status.GetProperty("category").GetString());
        Assert.Equal(department, status.GetProperty("department").GetString());
        Assert.InRange(status.GetProperty("confidence").GetDouble(), 0.3, 1.0);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("failure").ValueKind);
    }
}

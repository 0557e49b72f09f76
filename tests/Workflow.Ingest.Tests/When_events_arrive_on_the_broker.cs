using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>Ingest's status state machine fed by events published by hand, the way a client outside .NET would.</summary>
[Collection(IngestCollection.Name)]
public sealed class When_events_arrive_on_the_broker(IngestHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_raw_document_uploaded_appears_as_a_document_and_its_bytes_are_stored()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var id = Guid.NewGuid();
        var content = "badge not working after transfer"u8.ToArray();

        await broker.PublishJsonAsync("workflow.document-uploaded", new
        {
            documentId = id, tenantId = "acme", fileName = "badge.txt", contentType = "text/plain", content = Convert.ToBase64String(content), source = "mail-gateway",
        });

        var status = await StatusWhen(id, s => s.ValueKind == JsonValueKind.Object);
        Assert.Equal("badge.txt", status.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, status.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("Received", status.GetProperty("status").GetString());
        Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(host.DocumentStorePath, StorageKeys.Document(id))));
    }

    [Fact]
    public async Task Ingest_hears_uploads_published_by_others_but_not_its_own()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var published = await broker.CaptureAsync("workflow.document-uploaded");
        // A second queue on the exchange that feeds ingest's upload queue sees what that queue gets.
        var heard = await broker.CaptureAsync("ingest-document-uploaded");

        var upload = await host.CreateClient().PostAsJsonAsync("/v1/documents", new
        {
            fileName = "own.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("printer jammed"u8.ToArray()),
        });
        var own = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetString()!;
        var ownEvent = await Eventually.MatchesAsync(() => Task.FromResult(published.FirstOrDefault(m => m.Body.Contains(own))), m => m is not null,
            Patience, "the API upload's event on the exchange");
        Assert.Equal("ingest", ownEvent!.Headers[MessagingExtensions.PublisherHeader]);

        // Published after the API's event was routed: had that one reached ingest's queue, it would be ahead of this.
        var other = Guid.NewGuid();
        await broker.PublishJsonAsync("workflow.document-uploaded", new { documentId = other, tenantId = "acme", fileName = "other.txt", content = "aGk=" });
        await Eventually.MatchesAsync(() => Task.FromResult(heard.Any(m => m.Body.Contains(other.ToString()))), seen => seen, Patience, "the other client's upload at ingest's queue");

        Assert.DoesNotContain(heard, m => m.Body.Contains(own));
        Assert.Equal("other.txt", (await StatusWhen(other, s => s.ValueKind == JsonValueKind.Object)).GetProperty("fileName").GetString());
        Assert.Equal("own.txt", (await StatusWhen(Guid.Parse(own), s => s.ValueKind == JsonValueKind.Object)).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task An_ingest_started_on_an_earlier_versions_broker_removes_the_direct_binding_that_brought_its_own_uploads()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        await broker.BindExchangeAsync("workflow.document-uploaded", "ingest-document-uploaded");
        try
        {
            var heard = await broker.CaptureAsync("ingest-document-uploaded");

            // Another ingest starting on this broker declares its upload queue's topology again.
            await using var restarted = host.WithWebHostBuilder(_ => { });
            Assert.Equal(HttpStatusCode.OK, (await restarted.CreateClient().GetAsync("/health/ready")).StatusCode);

            var own = Guid.NewGuid();
            var other = Guid.NewGuid();
            await broker.PublishJsonAsync("workflow.document-uploaded", new { documentId = own, tenantId = "acme", fileName = "own.txt", content = "aGk=" },
                headers: new Dictionary<string, object?> { [MessagingExtensions.PublisherHeader] = "ingest" });
            await broker.PublishJsonAsync("workflow.document-uploaded", new { documentId = other, tenantId = "acme", fileName = "other.txt", content = "aGk=" });
            await Eventually.MatchesAsync(() => Task.FromResult(heard.Any(m => m.Body.Contains(other.ToString()))), seen => seen, Patience, "the other client's upload at ingest's queue");

            Assert.DoesNotContain(heard, m => m.Body.Contains(own.ToString()));
        }
        finally
        {
            // Whatever happened, the other tests' ingest must not keep hearing its own uploads.
            await broker.UnbindExchangeAsync("workflow.document-uploaded", "ingest-document-uploaded");
        }
    }

    [Fact]
    public async Task A_raw_document_uploaded_without_an_id_goes_to_the_error_queue_unretried_with_its_reason()
    {
        var failed = await PublishAndFindInErrorQueue(marker => new { fileName = marker + ".txt", content = "aGk=" });

        Assert.Contains("missing required properties including: 'documentId'", failed.Headers["MT-Fault-Message"]);
        Assert.Equal("0", failed.Headers.GetValueOrDefault("MT-Fault-RetryCount", "0"));
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_raw_document_uploaded_without_content_goes_to_the_error_queue_with_its_reason()
    {
        var id = Guid.NewGuid();

        var failed = await PublishAndFindInErrorQueue(marker => new { documentId = id, fileName = marker + ".txt" });

        Assert.Equal($"DocumentUploaded {id} has neither content nor storageKey.", failed.Headers["MT-Fault-Message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/v1/documents/{id}")).StatusCode);
    }

    private async Task<ReceivedMessage> PublishAndFindInErrorQueue(Func<string, object> message)
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var marker = Guid.NewGuid().ToString("N");
        await broker.PublishJsonAsync("workflow.document-uploaded", message(marker));
        var failed = await Eventually.MatchesAsync(
            () => broker.TakeAsync("ingest-document-uploaded_error"), m => m is not null && m.Body.Contains(marker), Patience,
            "the message in ingest's error queue");
        return failed!;
    }

    [Fact]
    public async Task Events_out_of_order_never_move_the_status_backwards()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var id = Guid.NewGuid();

        await broker.PublishEventAsync("workflow.document-completed", new { documentId = id, tenantId = "acme", category = "Purchase", confidence = 0.6, department = "Procurement", notificationCount = 1 });
        await StatusWhen(id, s => s.GetProperty("status").GetString() == "Completed");
        var late = Guid.NewGuid();
        await broker.PublishEventAsync("workflow.document-classified", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, classifier = "test" }, late.ToString());

        // Processed (its id is in the inbox), and it changed nothing: a finished document keeps its decisions.
        await Eventually.MatchesAsync(() => ProcessedAsync(late), processed => processed, Patience, "the late event to be processed");
        var status = await StatusWhen(id, s => s.ValueKind == JsonValueKind.Object);
        Assert.Equal(("Completed", "Purchase", 0.6), (status.GetProperty("status").GetString(), status.GetProperty("category").GetString(), status.GetProperty("confidence").GetDouble()));
    }

    private async Task<bool> ProcessedAsync(Guid messageId)
    {
        var id = messageId.ToString("N");
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestDbContext>().InboxMessages.AnyAsync(m => m.MessageId == id);
    }

    [Fact]
    public async Task A_processing_failure_shows_the_step_and_reason()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var id = Guid.NewGuid();

        await broker.PublishEventAsync("workflow.document-processing-failed", new { documentId = id, tenantId = "acme", step = "extract", reason = "The PDF could not be read" });

        var status = await StatusWhen(id, s => s.GetProperty("status").GetString() == "Failed");
        Assert.Equal("extract", status.GetProperty("failure").GetProperty("step").GetString());
        Assert.Equal("The PDF could not be read", status.GetProperty("failure").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_timeline_names_the_service_that_published_each_event_and_calls_anyone_else_external()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var id = Guid.NewGuid();

        await broker.PublishEventAsync("workflow.document-text-extracted", new { documentId = id, tenantId = "acme", format = "text", characterCount = 12 },
            headers: new Dictionary<string, object?> { [MessagingExtensions.PublisherHeader] = "extract" });
        await broker.PublishEventAsync("workflow.document-processing-failed", new { documentId = id, tenantId = "acme", step = "classify", reason = "no model" });

        var timeline = await Eventually.MatchesAsync(
            async () => await host.CreateClient().GetFromJsonAsync<JsonElement>($"/v1/documents/{id}/timeline"),
            t => t.GetProperty("entries").GetArrayLength() == 2, Patience, "both events on the timeline");
        var services = timeline.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("event").GetString()!, e => e.GetProperty("service").GetString());
        Assert.Equal("extract", services["document.text-extracted"]);
        Assert.Equal("external", services["document.processing-failed"]);
    }

    [Fact]
    public async Task An_uploader_who_asked_is_called_back_at_each_terminal_status_and_only_then()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var callbacks = await broker.CaptureAsync("workflow.document-callback-due");
        var id = Guid.NewGuid();
        const string url = "https://erp.example.test/callbacks/workflow";
        await broker.PublishJsonAsync("workflow.document-uploaded", new
        {
            documentId = id, tenantId = "acme", fileName = "a.txt", contentType = "text/plain", content = "aGk=", callbackUrl = url,
        });
        await StatusWhen(id, s => s.GetProperty("status").GetString() == "Received");

        // Each event once the last one is applied, so they arrive in this order.
        foreach (var (exchange, message, status) in new (string, object, string)[]
        {
            ("workflow.document-text-extracted", new { documentId = id, tenantId = "acme", format = "text" }, "Extracted"),
            ("workflow.document-processing-failed", new { documentId = id, tenantId = "acme", step = "classify", reason = "Document store has no entry" }, "Failed"),
            ("workflow.document-classified", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.8, classifier = "test" }, "Classified"),
            ("workflow.document-routed", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.8, department = "IT Operations", ruleId = "r" }, "Routed"),
            ("workflow.document-completed", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.8, department = "IT Operations" }, "Completed"),
        })
        {
            await broker.PublishEventAsync(exchange, message);
            await StatusWhen(id, s => s.GetProperty("status").GetString() == status);
        }

        // Published from the outbox after each commit: by the barrier, every callback due is in the queue.
        await Eventually.MatchesAsync(() => Task.FromResult(callbacks.Count(m => m.Body.Contains(id.ToString()))), n => n >= 2, Patience, "the callbacks");
        await broker.BarrierAsync("workflow.document-callback-due", callbacks);
        var calls = callbacks.Where(m => m.Body.Contains(id.ToString())).Select(m => m.Json.GetProperty("message"))
            .ToDictionary(c => c.GetProperty("status").GetString()!);
        Assert.Equal(["Completed", "Failed"], calls.Keys.Order());
        Assert.All(calls.Values, c => Assert.Equal((url, "acme"), (c.GetProperty("callbackUrl").GetString(), c.GetProperty("tenantId").GetString())));
        Assert.Equal(("classify", "Document store has no entry"), (calls["Failed"].GetProperty("failedStep").GetString(), calls["Failed"].GetProperty("failureReason").GetString()));
        Assert.Equal(("Hardware", "IT Operations"), (calls["Completed"].GetProperty("category").GetString(), calls["Completed"].GetProperty("department").GetString()));
        Assert.False(calls["Completed"].TryGetProperty("failureReason", out var reason) && reason.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task No_callback_is_published_when_none_was_asked_for()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var callbacks = await broker.CaptureAsync("workflow.document-callback-due");
        var id = Guid.NewGuid();
        await broker.PublishJsonAsync("workflow.document-uploaded", new { documentId = id, tenantId = "acme", fileName = "a.txt", contentType = "text/plain", content = "aGk=" });
        await StatusWhen(id, s => s.GetProperty("status").GetString() == "Received");

        await broker.PublishEventAsync("workflow.document-completed", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.8, department = "IT Operations" });
        await StatusWhen(id, s => s.GetProperty("status").GetString() == "Completed");

        await Eventually.MatchesAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IngestDbContext>().OutboxMessages.CountAsync();
        }, n => n == 0, Patience, "ingest's outbox to be empty");
        await broker.BarrierAsync("workflow.document-callback-due", callbacks);
        Assert.DoesNotContain(callbacks, m => m.Body.Contains(id.ToString()));
    }

    private async Task<JsonElement> StatusWhen(Guid id, Func<JsonElement, bool> condition)
    {
        var client = host.CreateClient();
        return await Eventually.MatchesAsync(
            async () =>
            {
                var response = await client.GetAsync($"/v1/documents/{id}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            },
            s => s.ValueKind == JsonValueKind.Object && condition(s), Patience, $"document {id}");
    }
}

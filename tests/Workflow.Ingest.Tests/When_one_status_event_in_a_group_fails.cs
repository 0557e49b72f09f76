using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>
/// A group commit that fails because of one event is applied again event by event: the other
/// documents' events are committed, once each, and only the failing event is retried and, in the
/// end, goes to the error queue with its reason.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class When_one_status_event_in_a_group_fails(IngestHost host) : IDisposable
{
    private const string ErrorQueue = "ingest-document-status_error";

    /// <summary>What ingest counts of its consumed messages; failed attempts are counted by type, each retry too.</summary>
    private readonly ConsumedMessageCounts _consumed = new();

    [Fact]
    public async Task The_others_in_its_group_are_committed_and_it_goes_to_the_error_queue()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var poisoned = Guid.NewGuid();
        host.Poisoned.Poison(poisoned);
        var documents = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        // The poisoned document's events (each a message of its own) sit among the others' in the queue.
        var publishes = new List<Task>();
        foreach (var (id, i) in documents.Select((id, i) => (id, i)))
        {
            publishes.Add(broker.PublishEventAsync("workflow.document-text-extracted", new { documentId = id, tenantId = "acme", format = "text", characterCount = 3 }));
            publishes.Add(broker.PublishEventAsync("workflow.document-classified", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, classifier = "test" }));
            if (i % 4 == 1)
            {
                publishes.Add(broker.PublishEventAsync("workflow.document-classified", new { documentId = poisoned, tenantId = "acme", category = "Hardware", confidence = 0.9, classifier = "test" }));
            }

            publishes.Add(broker.PublishEventAsync("workflow.document-routed", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, department = "IT Operations", ruleId = "r" }));
        }

        await Task.WhenAll(publishes);

        var client = host.CreateClient();
        foreach (var id in documents)
        {
            await Eventually.MatchesAsync(
                async () => await client.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}"),
                s => s.GetProperty("status").GetString() == "Routed", TimeSpan.FromSeconds(60), $"document {id} to be routed");
        }

        // Each poisoned event fails alone after its retries and is kept, with the reason, in the error queue.
        var failed = new List<ReceivedMessage>();
        await Eventually.MatchesAsync(async () =>
        {
            while (await broker.TakeAsync(ErrorQueue) is { } message)
            {
                if (message.Body.Contains(poisoned.ToString()))
                {
                    failed.Add(message);
                }
            }

            return failed.Count;
        }, n => n == 5, TimeSpan.FromSeconds(90), "the five poisoned events in the error queue");
        Assert.All(failed, m => Assert.Contains("poisoned by the test", m.Headers["MT-Fault-Message"]));

        // At least one failed save held other documents' events too: the fall-back was taken, and still
        // every other event has exactly one timeline entry.
        Assert.Contains(host.Poisoned.FailedSaves, entries => entries > 1);
        // The others in a failed group were applied again at once, not handed back to MassTransit's
        // retry: no attempt of any other kind of event failed (while each poisoned one failed every attempt).
        var faults = _consumed.ByType("ingest-document-status", "failed");
        Assert.True(faults.Where(f => f.Key.Contains(nameof(Contracts.DocumentClassified))).Sum(f => f.Value) >= 5 * 6,
            "each poisoned event's six attempts are counted: " + string.Join(", ", faults.Select(f => $"{f.Key}: {f.Value}")));
        Assert.Equal([], faults.Where(f => !f.Key.Contains(nameof(Contracts.DocumentClassified))).Select(f => $"{f.Key}: {f.Value}"));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        var entries = await db.Timeline.Where(e => documents.Contains(e.DocumentId)).GroupBy(e => e.DocumentId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Enumerable.Repeat(3, documents.Count), entries);
        Assert.Equal(0, await db.Timeline.CountAsync(e => e.DocumentId == poisoned));
    }

    public void Dispose() => _consumed.Dispose();
}

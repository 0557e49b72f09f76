using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>
/// Many documents' status events published at once, as under load: ingest applies them in group
/// commits, and every event still has its effect exactly once, repeats included.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class When_status_events_arrive_together(IngestHost host) : IDisposable
{
    private readonly ConcurrentBag<long> _groupSizes = [];
    private MeterListener? _listener;
    private long _consumed;

    [Fact]
    public async Task Each_event_is_applied_once_and_they_share_commits()
    {
        Listen();
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var documents = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var completions = documents.ToDictionary(id => id, _ => Guid.NewGuid().ToString());

        // Every document's journey, all documents at once; each completion is delivered five times,
        // the copies side by side in the queue.
        var publishes = new List<Task>();
        foreach (var id in documents)
        {
            publishes.Add(broker.PublishEventAsync("workflow.document-text-extracted", new { documentId = id, tenantId = "acme", format = "text", characterCount = 3 }));
            publishes.Add(broker.PublishEventAsync("workflow.document-classified", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, classifier = "test" }));
            publishes.Add(broker.PublishEventAsync("workflow.document-routed", new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, department = "IT Operations", ruleId = "r" }));
            var completed = new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, department = "IT Operations", notificationsDelivered = 1 };
            publishes.AddRange(Enumerable.Range(0, 5).Select(_ => broker.PublishEventAsync("workflow.document-completed", completed, completions[id])));
        }

        await Task.WhenAll(publishes);

        var client = host.CreateClient();
        foreach (var id in documents)
        {
            var status = await Eventually.MatchesAsync(
                async () => await client.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}"),
                s => s.GetProperty("status").GetString() == "Completed", TimeSpan.FromSeconds(60), $"document {id} to complete");
            Assert.Equal(("Hardware", "IT Operations"), (status.GetProperty("category").GetString(), status.GetProperty("department").GetString()));
        }

        // Every delivery consumed (applied or dropped as a repeat): nothing is left that could add an effect.
        await Eventually.MatchesAsync(() => Task.FromResult(Interlocked.Read(ref _consumed)), n => n >= publishes.Count, TimeSpan.FromSeconds(60),
            "every delivery to be consumed");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        var entries = await db.Timeline.Where(e => documents.Contains(e.DocumentId)).GroupBy(e => e.DocumentId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Enumerable.Repeat(4, documents.Count), entries);
        var completionIds = completions.Values.Select(m => Guid.Parse(m).ToString("N")).ToList();
        Assert.Equal(documents.Count, await db.InboxMessages.CountAsync(m => completionIds.Contains(m.MessageId)));
        Assert.Contains(_groupSizes, size => size > 1);
    }

    private void Listen()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Workflow" && instrument.Name is "workflow.status.group_size" or "workflow.messages.consumed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "workflow.status.group_size")
            {
                _groupSizes.Add(value);
            }
            else if (IsStatusQueue(tags))
            {
                Interlocked.Add(ref _consumed, value);
            }
        });
        _listener.Start();
    }

    private static bool IsStatusQueue(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "workflow.consumer")
            {
                return (string?)tag.Value == "ingest-document-status";
            }
        }

        return false;
    }

    public void Dispose() => _listener?.Dispose();
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>The product's own meter, observed in process while ingest consumes real messages from a real broker.</summary>
[Collection(IngestCollection.Name)]
public sealed class When_metrics_are_recorded(IngestHost host) : IDisposable
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private MeterListener? _listener;

    [Fact]
    public async Task Steps_statuses_journey_time_and_dropped_duplicates_are_measured()
    {
        Listen();
        var upload = await host.CreateClient().PostAsJsonAsync("/v1/documents", new
        {
            fileName = "metered.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String("the printer is jammed"u8.ToArray()),
        });
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var completed = new { documentId = id, tenantId = "acme", category = "Hardware", confidence = 0.9, department = "IT Operations", notificationsDelivered = 1 };
        var messageId = Guid.NewGuid().ToString();

        await broker.PublishEventAsync("workflow.document-completed", completed, messageId);
        await broker.PublishEventAsync("workflow.document-completed", completed, messageId);

        await Eventually.MatchesAsync(() => Task.FromResult(Count("workflow.messages.consumed", ("workflow.outcome", "duplicate"), ("workflow.consumer", "ingest-document-status"))),
            n => n >= 1, TimeSpan.FromSeconds(30), "the repeated completion to be dropped and counted");
        Assert.True(Count("workflow.messages.consumed", ("workflow.outcome", "processed"), ("workflow.consumer", "ingest-document-status")) >= 1);
        Assert.True(Count("workflow.documents", ("workflow.status", "Completed")) >= 1);
        Assert.Contains(_measurements, m => m.Instrument == "workflow.document.duration" && m.Value >= 0);
        Assert.Contains(_measurements, m => m.Instrument == "workflow.step.duration" && (string?)m.Tags["workflow.message_type"] == "DocumentCompleted");
        Assert.Contains(_measurements, m => m.Instrument == "workflow.outbox.delay" && (string?)m.Tags["workflow.message_type"] == "DocumentUploaded");
        _listener!.RecordObservableInstruments();
        Assert.Contains(_measurements, m => m.Instrument == "workflow.outbox.backlog" && m.Value >= 0);
    }

    private void Listen()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Workflow")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, value, copy));
    }

    private double Count(string instrument, params (string Key, string Value)[] tags) =>
        _measurements.Where(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value))).Sum(m => m.Value);

    public void Dispose() => _listener?.Dispose();
}

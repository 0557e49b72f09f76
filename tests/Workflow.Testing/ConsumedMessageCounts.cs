using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Workflow.Testing;

/// <summary>
/// What the services in this process count in <c>workflow.messages.consumed</c>, from the moment it
/// is created: how many messages each queue processed, dropped as repeats, or failed (each attempt),
/// by message type.
/// </summary>
public sealed class ConsumedMessageCounts : IDisposable
{
    private readonly ConcurrentDictionary<(string Consumer, string MessageType, string Outcome), long> _counts = new();
    private readonly MeterListener _listener;

    public ConsumedMessageCounts()
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Workflow" && instrument.Name == "workflow.messages.consumed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var (consumer, type, outcome) = ("", "", "");
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case "workflow.consumer": consumer = (string?)tag.Value ?? ""; break;
                    case "workflow.message_type": type = (string?)tag.Value ?? ""; break;
                    case "workflow.outcome": outcome = (string?)tag.Value ?? ""; break;
                }
            }

            _counts.AddOrUpdate((consumer, type, outcome), value, (_, n) => n + value);
        });
        _listener.Start();
    }

    /// <summary>How many messages of a queue had this outcome (<c>processed</c>, <c>duplicate</c>, <c>failed</c>).</summary>
    public long Of(string consumer, string outcome) =>
        _counts.Where(c => c.Key.Consumer == consumer && c.Key.Outcome == outcome).Sum(c => c.Value);

    /// <summary>The same, by message type.</summary>
    public IReadOnlyDictionary<string, long> ByType(string consumer, string outcome) =>
        _counts.Where(c => c.Key.Consumer == consumer && c.Key.Outcome == outcome).ToDictionary(c => c.Key.MessageType, c => c.Value);

    public void Dispose() => _listener.Dispose();
}

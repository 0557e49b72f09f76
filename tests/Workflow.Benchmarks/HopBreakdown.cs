using System.Collections.Concurrent;
using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>
/// Where a document's time goes at low load: for each event of the pipeline, the median time from
/// the start of the upload to the moment that event reached the broker. Its own connection and
/// queues exist only during the low-load run, so they add nothing to the throughput run.
/// </summary>
public sealed class HopBreakdown : IAsyncDisposable
{
    public static readonly string[] Events =
        ["document-uploaded", "document-text-extracted", "document-classified", "document-routed", "document-completed"];

    private readonly RawBrokerClient _broker;
    private readonly Dictionary<string, ConcurrentQueue<ReceivedMessage>> _captures;

    private HopBreakdown(RawBrokerClient broker, Dictionary<string, ConcurrentQueue<ReceivedMessage>> captures)
    {
        _broker = broker;
        _captures = captures;
    }

    public static async Task<HopBreakdown> StartAsync(string brokerConnectionString)
    {
        var broker = await RawBrokerClient.ConnectAsync(brokerConnectionString);
        var captures = new Dictionary<string, ConcurrentQueue<ReceivedMessage>>();
        foreach (var name in Events)
        {
            captures[name] = await broker.CaptureAsync("workflow." + name);
        }

        return new HopBreakdown(broker, captures);
    }

    /// <summary>Median milliseconds from upload start to each event, over the documents that completed.</summary>
    public Dictionary<string, double> MedianMs(IReadOnlyDictionary<Guid, long> started)
    {
        var medians = new Dictionary<string, double>();
        foreach (var (name, captured) in _captures)
        {
            var offsets = captured
                .Select(m => (Id: LoadGenerator.DocumentIdOf(m), m.ReceivedAt))
                .Where(m => started.ContainsKey(m.Id))
                .GroupBy(m => m.Id)
                .Select(g => (g.Min(m => m.ReceivedAt) - started[g.Key]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency)
                .Order()
                .ToArray();
            medians[name] = offsets.Length == 0 ? double.NaN : Math.Round(offsets[offsets.Length / 2], 1);
        }

        return medians;
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}

using Workflow.Testing;
using Xunit.Abstractions;

namespace Workflow.Reliability.Tests;

/// <summary>
/// A publish that never completes must not stop a service's relay for good. RabbitMQ's memory
/// alarm makes every publish wait without failing (the broker stops reading from publishers); the
/// relay gives up on each attempt after its publish timeout, says so, keeps the events, probes
/// the broker with one event at a time, and publishes them all once the broker takes publishes
/// again. Its own broker: the alarm blocks every publisher on it.
/// </summary>
public sealed class When_the_broker_stops_confirming_publishes(ITestOutputHelper log) : IAsyncLifetime
{
    private const int Events = 20;
    private const string GaveUp = "did not confirm";
    private readonly RabbitMqBroker _broker = new();
    private ServiceUnderTest _classify = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_broker).InitializeAsync();
        _classify = await ServiceUnderTest.StartedInNewFolderAsync(
            "Classify", _broker.ConnectionString, new Dictionary<string, string> { ["Messaging__Durable__PublishTimeout"] = "00:00:02" });
    }

    [Fact]
    public async Task The_relay_gives_up_on_each_attempt_keeps_the_events_and_publishes_them_when_it_can()
    {
        await using var client = await RawBrokerClient.ConnectAsync(_broker.ConnectionString);
        var classified = await client.CaptureAsync("workflow.document-classified");
        await _broker.BlockPublishersAsync();

        var marker = Guid.NewGuid().ToString("N");
        var messageIds = Enumerable.Range(0, Events).Select(_ => Guid.NewGuid()).ToList();
        // Committed events nobody holds a lease on: the relay's next sweep takes them.
        await _classify.Database.AddClassificationsAsync(messageIds, marker, "blocked");

        // Without a bound the relay would wait here for ever, silently. It gives up on the batch,
        // says why, and then probes the broker with one event per pass, not the whole batch again.
        await Eventually.MatchesAsync(() => Task.FromResult(_classify.OutputLinesContaining(GaveUp)), n => n >= Events + 2,
            TimeSpan.FromSeconds(60), "the relay to give up on the batch, then on two probes");
        Assert.InRange(_classify.OutputLinesContaining(GaveUp), Events + 2, Events + 5);
        Assert.Equal(Events, await _classify.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"));
        Assert.False(_classify.HasExited);

        await _broker.UnblockPublishersAsync();
        await Eventually.MatchesAsync(() => _classify.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(60), "the relay to publish the kept events once the broker takes publishes");
        await client.BarrierAsync("workflow.document-classified", classified);

        // Every event arrived. The attempts given up on were sent too, and reach the queue late
        // once the broker reads again: copies with the same MessageId, which consumers' inboxes drop.
        var published = classified.Where(m => m.Body.Contains(marker)).Select(m => m.Json.GetProperty("messageId").GetGuid()).ToList();
        var gaveUp = _classify.OutputLinesContaining(GaveUp);
        log.WriteLine($"{published.Count} copies of {Events} events; the relay gave up {gaveUp} times");
        Assert.Equal(messageIds.Order(), published.Distinct().Order());
        Assert.InRange(published.Count, Events, Events + gaveUp);
    }

    public async Task DisposeAsync()
    {
        await _classify.DisposeAsync();
        await ((IAsyncLifetime)_broker).DisposeAsync();
    }
}

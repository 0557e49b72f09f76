using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// Two replicas of a service on one database both sweep its outbox: each row is claimed by one
/// of them only, so no event is published twice.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_two_replicas_share_one_database(RabbitMqBroker broker) : IAsyncLifetime
{
    private const int Backlog = 500;
    private readonly string _data = Directory.CreateTempSubdirectory("workflow-replicas-").FullName;
    private ServiceUnderTest _first = null!;
    private ServiceUnderTest _second = null!;

    public async Task InitializeAsync()
    {
        _first = new ServiceUnderTest("Classify", broker.ConnectionString, _data);
        _second = new ServiceUnderTest("Classify", broker.ConnectionString, _data, _first.DatabasePath);
        await _first.MigrateAsync();
    }

    [Fact]
    public async Task A_backlog_left_by_a_dead_relay_is_published_once()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var classified = await client.CaptureAsync("workflow.document-classified");
        var marker = Guid.NewGuid().ToString("N");
        var messageIds = Enumerable.Range(0, Backlog).Select(_ => Guid.NewGuid()).ToList();
        // Committed events nobody holds a lease on: what a relay that died leaves behind.
        await _first.Database.AddClassificationsAsync(messageIds, marker, "backlog");

        // Small batches: the two replicas' sweeps interleave over many claims.
        var settings = new Dictionary<string, string> { ["Messaging__Durable__RelayBatchSize"] = "10" };
        await Task.WhenAll(_first.StartAsync(settings), _second.StartAsync(settings));

        await Eventually.MatchesAsync(() => _first.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(60), "both replicas to empty the outbox");
        await client.BarrierAsync("workflow.document-classified", classified);
        var published = classified.Where(m => m.Body.Contains(marker)).Select(m => m.Json.GetProperty("messageId").GetGuid()).ToList();
        Assert.Equal(Backlog, published.Count);
        Assert.Equal(messageIds.Order(), published.Order());
        Assert.Equal(Backlog / 10, _first.OutputLinesContaining("Swept 10 committed events") + _second.OutputLinesContaining("Swept 10 committed events"));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

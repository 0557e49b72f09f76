using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// Route's per-document state is a saga: five different classifications of one document
/// arriving at once (not repeats the inbox could drop) create one instance and one routing.
/// The losers of the race to create it are retried, find it, and change nothing.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_one_document_is_classified_five_times_at_once(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _route = null!;

    public async Task InitializeAsync()
    {
        _route = await ServiceUnderTest.StartedInNewFolderAsync("Route", broker.ConnectionString);
    }

    [Fact]
    public async Task One_routing_state_and_one_routed_event()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var routed = await client.CaptureAsync("workflow.document-routed");
        var id = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PublishEventAsync("workflow.document-classified",
            new { documentId = id, category = "Purchase", confidence = 0.9, classifier = "test" })));

        // Each message's inbox row commits with its effect (or with nothing, when ignored): five rows, all processed.
        await Eventually.MatchesAsync(() => _route.Database.CountAsync("SELECT COUNT(*) FROM InboxMessages"), n => n == 5,
            TimeSpan.FromSeconds(60), "all five classifications processed");
        await Eventually.MatchesAsync(() => _route.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(30), "the outbox to be empty");
        await client.BarrierAsync("workflow.document-routed", routed);

        Assert.Equal(1, routed.Count(m => m.Body.Contains(id.ToString())));
        Assert.Equal(1, await _route.Database.CountAsync(
            "SELECT COUNT(*) FROM Routings WHERE DocumentId = $id AND CurrentState = 'Routed' AND Department = 'Procurement'",
            ("$id", id.ToString().ToUpperInvariant())));
    }

    public async Task DisposeAsync()
    {
        await _route.DisposeAsync();
    }
}

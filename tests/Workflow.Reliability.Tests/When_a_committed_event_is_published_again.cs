using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// A repeat that is not a redelivery (a relay publishing an event again, a client publishing twice)
/// reaches the consumer, since the inbox is asked first only for redeliveries. Route's saga has
/// moved on by then and ignores the event, which still touches the saga: the commit collides with
/// the first copy's inbox row, the work is rolled back and the copy dropped. One routing, nothing
/// in the error queue.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_committed_event_is_published_again(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _route = null!;

    public async Task InitializeAsync()
    {
        _route = await ServiceUnderTest.StartedInNewFolderAsync("Route", broker.ConnectionString);
    }

    [Fact]
    public async Task The_second_copy_is_dropped_after_the_first_committed()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var routed = await client.CaptureAsync("workflow.document-routed");
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        var classified = new { documentId = id, category = "Purchase", confidence = 0.9, classifier = "test" };

        await client.PublishEventAsync("workflow.document-classified", classified, messageId);
        await Eventually.MatchesAsync(() => Task.FromResult(routed.Count(m => m.Body.Contains(id.ToString()))), n => n == 1,
            TimeSpan.FromSeconds(60), "the document routed");

        await client.PublishEventAsync("workflow.document-classified", classified, messageId);
        try
        {
            await Eventually.MatchesAsync(() => Task.FromResult(_route.OutputLinesContaining($"repeat of DocumentClassified {messageId.Replace("-", "")}")),
                n => n == 1, TimeSpan.FromSeconds(60), "route to drop the copy");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nroute's output:\n{_route.RecentOutput()}", e);
        }

        await client.BarrierAsync("workflow.document-routed", routed);
        Assert.Equal(1, routed.Count(m => m.Body.Contains(id.ToString())));
        // Other tests' leftovers on the shared broker may reach this route too: count this message's row only.
        Assert.Equal(1, await _route.Database.CountAsync("SELECT COUNT(*) FROM InboxMessages WHERE MessageId = $m", ("$m", messageId.Replace("-", ""))));
        Assert.Equal(1, await _route.Database.CountAsync(
            "SELECT COUNT(*) FROM Routings WHERE DocumentId = $id AND CurrentState = 'Routed'", ("$id", id.ToString().ToUpperInvariant())));
        var failed = new List<ReceivedMessage>();
        while (await client.TakeAsync("route-document-routing-state_error") is { } message)
        {
            failed.Add(message);
        }

        Assert.DoesNotContain(failed, m => m.Body.Contains(id.ToString()));
    }

    public async Task DisposeAsync()
    {
        await _route.DisposeAsync();
    }
}

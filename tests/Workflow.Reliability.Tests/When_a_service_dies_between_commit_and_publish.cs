using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// The outbox's promise: an event committed with the state that caused it is published even
/// if the process dies before publishing, and published once.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_service_dies_between_commit_and_publish(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _classify = null!;

    public async Task InitializeAsync()
    {
        _classify = ServiceUnderTest.InNewFolder("Classify", broker.ConnectionString);
        await _classify.MigrateAsync();
    }

    [Fact]
    public async Task The_event_is_delivered_after_restart_and_only_once()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var classified = await client.CaptureAsync("workflow.document-classified");
        var id = Guid.NewGuid();
        var key = id.ToString().ToUpperInvariant();

        // Fault injection: the relay dies abruptly after the commit, before publishing.
        await _classify.StartAsync(new Dictionary<string, string>
        {
            ["Messaging__Durable__CrashBeforePublish"] = "true",
            ["Messaging__Durable__RelayLease"] = "00:00:02",
        });
        await client.PublishEventAsync("workflow.document-text-extracted", new
        {
            documentId = id, format = "text", characterCount = 40, text = "the printer and the monitor are broken",
        });
        await Eventually.MatchesAsync(() => Task.FromResult(_classify.HasExited), exited => exited, TimeSpan.FromSeconds(60), "classify to crash");

        Assert.NotEqual(0, _classify.ExitCode);
        Assert.Equal(1, await _classify.Database.CountAsync("SELECT COUNT(*) FROM Classifications WHERE DocumentId = $id", ("$id", key)));
        Assert.Equal(1, await _classify.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"));
        Assert.DoesNotContain(classified, m => m.Body.Contains(id.ToString()));

        await _classify.StartAsync(new Dictionary<string, string> { ["Messaging__Durable__RelayLease"] = "00:00:02" });

        await Eventually.MatchesAsync(() => Task.FromResult(classified.Count(m => m.Body.Contains(id.ToString()))), n => n >= 1,
            TimeSpan.FromSeconds(60), "DocumentClassified after the restart");
        await Eventually.MatchesAsync(() => _classify.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(30), "the outbox to be empty");
        await client.BarrierAsync("workflow.document-classified", classified);
        Assert.Equal(1, classified.Count(m => m.Body.Contains(id.ToString())));
        Assert.Equal(1, await _classify.Database.CountAsync("SELECT COUNT(*) FROM Classifications WHERE DocumentId = $id", ("$id", key)));
    }

    public async Task DisposeAsync()
    {
        await _classify.DisposeAsync();
    }
}

using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>The inbox's promise: however often a message is delivered, and however concurrently, it has one effect.</summary>
[Collection(BrokerCollection.Name)]
public sealed class When_a_message_is_delivered_five_times_at_once(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _notify = null!;

    public async Task InitializeAsync()
    {
        _notify = await ServiceUnderTest.StartedInNewFolderAsync("Notify", broker.ConnectionString);
    }

    [Fact]
    public async Task One_notification_is_recorded_and_one_completion_published()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var completed = await client.CaptureAsync("workflow.document-completed");
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid().ToString();
        var routed = new { documentId = id, department = "Procurement", category = "Purchase", confidence = 0.8, ruleId = "purchase" };

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PublishEventAsync("workflow.document-routed", routed, messageId)));

        // Every copy but one must be seen and dropped by the inbox; then nothing more can happen.
        try
        {
            await Eventually.MatchesAsync(
                () => Task.FromResult(_notify.OutputLinesContaining($"repeat of DocumentRouted {messageId.Replace("-", "")}")),
                drops => drops == 4, TimeSpan.FromSeconds(60), "four repeats dropped");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nnotify's output:\n{_notify.RecentOutput()}", e);
        }
        await Eventually.MatchesAsync(() => _notify.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(30), "the outbox to be empty");
        await client.BarrierAsync("workflow.document-completed", completed);

        Assert.Equal(1, await _notify.Database.CountAsync(
            "SELECT COUNT(*) FROM DocumentNotices WHERE DocumentId = $id", ("$id", id.ToString().ToUpperInvariant())));
        Assert.Equal(1, completed.Count(m => m.Body.Contains(id.ToString())));
    }

    public async Task DisposeAsync()
    {
        await _notify.DisposeAsync();
    }
}

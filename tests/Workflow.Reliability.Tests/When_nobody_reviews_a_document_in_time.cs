using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// Saga timeouts without a scheduler: a document that waits for review past its deadline is found
/// by route's database-polled sweeper and goes to the fallback department, once.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_nobody_reviews_a_document_in_time(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _route = null!;

    public async Task InitializeAsync()
    {
        _route = ServiceUnderTest.InNewFolder("Route", broker.ConnectionString);
        await _route.MigrateAsync();
        await _route.StartAsync(new Dictionary<string, string>
        {
            ["Routing__ReviewBelowConfidence"] = "0.5",
            ["Routing__ReviewTimeout"] = "00:00:02",
            ["Routing__ReviewFallbackDepartment"] = "Service Desk",
            ["Routing__DeadlineSweepInterval"] = "00:00:00.200",
        });
    }

    [Fact]
    public async Task It_waits_until_the_deadline_then_goes_to_the_fallback_department_once()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var awaiting = await client.CaptureAsync("workflow.document-awaiting-review");
        var routed = await client.CaptureAsync("workflow.document-routed");
        var unsure = Guid.NewGuid();
        var sure = Guid.NewGuid();

        await client.PublishEventAsync("workflow.document-classified", new { documentId = unsure, category = "Purchase", confidence = 0.3, classifier = "test" });
        await client.PublishEventAsync("workflow.document-classified", new { documentId = sure, category = "Purchase", confidence = 0.9, classifier = "test" });

        var waiting = await Eventually.MatchesAsync(() => Task.FromResult(awaiting.FirstOrDefault(m => m.Body.Contains(unsure.ToString()))),
            m => m is not null, TimeSpan.FromSeconds(30), "the unsure document to wait for review");
        var deadline = waiting!.Json.GetProperty("message").GetProperty("reviewDeadline").GetDateTimeOffset();
        var afterDeadline = await Eventually.MatchesAsync(() => Task.FromResult(routed.FirstOrDefault(m => m.Body.Contains(unsure.ToString()))),
            m => m is not null, TimeSpan.FromSeconds(30), "the unsure document to be routed after its deadline");
        var decision = afterDeadline!.Json.GetProperty("message");
        Assert.Equal("review-timeout", decision.GetProperty("ruleId").GetString());
        Assert.Equal("Service Desk", decision.GetProperty("department").GetString());
        Assert.True(decision.GetProperty("routedAt").GetDateTimeOffset() >= deadline, "routed before its review deadline");

        await Eventually.MatchesAsync(() => _route.Database.CountAsync("SELECT COUNT(*) FROM OutboxMessages"), n => n == 0,
            TimeSpan.FromSeconds(30), "the outbox to be empty");
        await client.BarrierAsync("workflow.document-routed", routed);
        Assert.Equal(1, routed.Count(m => m.Body.Contains(unsure.ToString())));
        Assert.Equal(1, awaiting.Count(m => m.Body.Contains(unsure.ToString())));
        var direct = routed.Single(m => m.Body.Contains(sure.ToString())).Json.GetProperty("message");
        Assert.Equal("purchase", direct.GetProperty("ruleId").GetString());
        Assert.Equal("2026-11-23", direct.GetProperty("rulesVersion").GetString());
        Assert.DoesNotContain(awaiting, m => m.Body.Contains(sure.ToString()));
        Assert.Equal(1, await _route.Database.CountAsync(
            "SELECT COUNT(*) FROM Routings WHERE DocumentId = $id AND CurrentState = 'Routed' AND ReviewDeadline IS NULL",
            ("$id", unsure.ToString().ToUpperInvariant())));
    }

    public async Task DisposeAsync()
    {
        await _route.DisposeAsync();
    }
}

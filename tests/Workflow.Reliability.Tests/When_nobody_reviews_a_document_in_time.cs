using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Reliability.Tests;

/// <summary>
/// Saga timeouts without a scheduler: a document that waits for review past its deadline is found
/// by route's database-polled sweeper, escalated, and after the second deadline goes to the
/// fallback department, once.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class When_nobody_reviews_a_document_in_time(RabbitMqBroker broker) : IAsyncLifetime
{
    private ServiceUnderTest _route = null!;

    public async Task InitializeAsync()
    {
        _route = ServiceUnderTest.InNewFolder("Route", broker.ConnectionString);
        var rules = Path.Combine(Directory.CreateTempSubdirectory("route-rules-").FullName, "rules.json");
        await File.WriteAllTextAsync(rules, File.ReadAllText(Path.Combine(RepositoryLayout.Root, "services", "Route", "routing-rules.json"))
            .Replace("\"belowConfidence\": 0.3", "\"belowConfidence\": 0.5")
            .Replace("\"deadline\": \"1.00:00:00\"", "\"deadline\": \"00:00:02\"")
            .Replace("\"escalationDeadline\": \"1.00:00:00\"", "\"escalationDeadline\": \"00:00:01\""));
        await _route.MigrateAsync();
        await _route.StartAsync(new Dictionary<string, string>
        {
            ["Routing__RulesFile"] = rules,
            ["Routing__DeadlineSweepInterval"] = "00:00:00.200",
        });
    }

    [Fact]
    public async Task It_waits_until_the_deadline_then_goes_to_the_fallback_department_once()
    {
        await using var client = await RawBrokerClient.ConnectAsync(broker.ConnectionString);
        var awaiting = await client.CaptureAsync("workflow.document-awaiting-review");
        var routed = await client.CaptureAsync("workflow.document-routed");
        var escalated = await client.CaptureAsync("workflow.document-review-escalated");
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
        var escalation = Assert.Single(escalated, m => m.Body.Contains(unsure.ToString())).Json.GetProperty("message");
        Assert.True(escalation.GetProperty("escalatedAt").GetDateTimeOffset() >= deadline, "escalated before its review deadline");
        Assert.True(decision.GetProperty("routedAt").GetDateTimeOffset() >= escalation.GetProperty("fallbackDeadline").GetDateTimeOffset(),
            "routed to the fallback before the escalation's deadline");
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

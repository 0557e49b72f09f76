using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Route.Routing;
using Workflow.Testing;

namespace Workflow.Route.Tests;

public sealed class When_the_rules_file_changes : IAsyncLifetime
{
    private readonly string _path = RuleFiles.Write(RuleFiles.Valid);
    private RoutingRules _rules = null!;

    public async Task InitializeAsync()
    {
        _rules = new RoutingRules(Options.Create(new RoutingOptions { RulesFile = _path }), NullLogger<RoutingRules>.Instance, TimeProvider.System);
        await _rules.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_valid_change_applies_to_the_next_document_without_a_restart()
    {
        await File.WriteAllTextAsync(_path, RuleFiles.Valid.Replace("\"v7\"", "\"v8\"").Replace("\"Finance\"", "\"Accounts\""));

        await Eventually.MatchesAsync(() => Task.FromResult(_rules.Current.Version), v => v == "v8", TimeSpan.FromSeconds(20), "the changed file to be loaded");
        Assert.Equal("Accounts", new RoutingTable(_rules).Decide(new DocumentFacts("Access", 0.9, null, null,
            [new("iban", "x", "DE89370400440532013000", 0, 1)])).Department);
        Assert.Null(_rules.State.Problem);
    }

    [Fact]
    public async Task An_invalid_change_is_refused_with_its_problems_and_the_rules_in_force_stay()
    {
        await File.WriteAllTextAsync(_path, RuleFiles.Valid.Replace("\"v7\"", "\"v9\"").Replace("\"amountAtLeast\"", "\"amountAbove\""));

        var state = await Eventually.MatchesAsync(() => Task.FromResult(_rules.State), s => s.Problem is not null, TimeSpan.FromSeconds(20),
            "the changed file to be refused");
        Assert.Equal("v7", state.Rules.Version);
        Assert.Contains(state.Problem!.Errors, e => e.Contains("amountAbove", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_file_at_start_stops_the_service_with_every_problem_listed()
    {
        var path = RuleFiles.Write("""{ "version": "", "rules": [ { "id": "a", "department": "" }, { "id": "a", "department": "X", "when": { "minConfidence": 2 } } ] }""");

        var e = Assert.Throws<InvalidOperationException>(() =>
            new RoutingRules(Options.Create(new RoutingOptions { RulesFile = path }), NullLogger<RoutingRules>.Instance, TimeProvider.System));

        Assert.Contains("version: required", e.Message);
        Assert.Contains("defaultDepartment: required", e.Message);
        Assert.Contains("rules[0] (a).department: required", e.Message);
        Assert.Contains("rules[1] (a).id: 'a' is used by an earlier rule", e.Message);
        Assert.Contains("rules[1] (a).when: minConfidence and maxConfidence must be between 0 and 1", e.Message);
    }

    [Theory]
    [InlineData("""{ "version": "1", "defaultDepartment": "D", "rules": [ { "id": "x", "department": "D", "when": { "hasEntity": ["ssn"] } } ] }""", "'ssn' is not an entity type")]
    [InlineData("""{ "version": "1", "defaultDepartment": "D", "rules": [ { "id": "x", "department": "D", "when": { "amountAtLeast": 5, "currency": "euro" } } ] }""", "'euro' is not an ISO 4217 code")]
    [InlineData("""{ "version": "1", "defaultDepartment": "D", "rules": [ { "id": "x", "department": "D", "when": { "senderDomain": ["@x.com"] } } ] }""", "is not a domain")]
    [InlineData("""{ "version": "1", "defaultDepartment": "D", "review": { "deadline": "tomorrow" } }""", "$.review.deadline")]
    [InlineData("""{ "version": "1", "defaultDepartment": "D", "rules": [ { "id": "x", "department": "D", "when": { "minConfidence": 0.9, "maxConfidence": 0.5 } } ] }""", "could never match")]
    [InlineData("""{ "version": 1 """, "LineNumber")]
    public void A_mistake_is_named_where_it_is(string json, string expected)
    {
        var (rules, errors) = RuleSetParser.Parse(json);

        Assert.Null(rules);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_rules_file_is_valid()
    {
        var shipped = Path.Combine(RepositoryLayout.Root, "services", "Route", "routing-rules.json");

        var (rules, errors) = RuleSetParser.Parse(File.ReadAllText(shipped));

        Assert.Empty(errors);
        Assert.NotNull(rules);
    }

    public Task DisposeAsync()
    {
        _rules.Dispose();
        return Task.CompletedTask;
    }
}

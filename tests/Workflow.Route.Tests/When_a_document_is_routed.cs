using Microsoft.Extensions.Options;
using Workflow.Route.Routing;

namespace Workflow.Route.Tests;

public sealed class When_a_document_is_routed
{
    private static RoutingOptions Rules() => new()
    {
        Version = "v7",
        DefaultDepartment = "Service Desk",
        Rules =
        [
            new() { Id = "confident-hardware", Category = "Hardware", MinConfidence = 0.7, Department = "IT Operations" },
            new() { Id = "any-hardware", Category = "hardware", Department = "Hardware Triage" },
            new() { Id = "purchases", Category = "Purchase", Department = "Procurement" },
        ],
    };

    [Fact]
    public void The_first_matching_rule_decides()
    {
        var table = new RoutingTable(new StaticOptions(Rules()));

        Assert.Equal(new RoutingDecision("confident-hardware", "IT Operations", "v7"), table.Decide("Hardware", 0.9));
        Assert.Equal(new RoutingDecision("any-hardware", "Hardware Triage", "v7"), table.Decide("Hardware", 0.5));
    }

    [Fact]
    public void Without_a_matching_rule_the_default_department_gets_the_document()
    {
        var table = new RoutingTable(new StaticOptions(Rules()));

        Assert.Equal(new RoutingDecision(RoutingDecision.DefaultRuleId, "Service Desk", "v7"), table.Decide("HR Support", 0.99));
    }

    [Fact]
    public void Changed_rules_apply_to_the_next_document_without_a_restart()
    {
        var options = new StaticOptions(Rules());
        var table = new RoutingTable(options);

        var changed = Rules();
        changed.Version = "v8";
        changed.Rules.Insert(0, new RoutingRule { Id = "all-to-audit", Department = "Audit" });
        options.Current = changed;

        Assert.Equal(new RoutingDecision("all-to-audit", "Audit", "v8"), table.Decide("Purchase", 0.1));
    }

    private sealed class StaticOptions(RoutingOptions value) : IOptionsMonitor<RoutingOptions>
    {
        public RoutingOptions Current { get; set; } = value;
        public RoutingOptions CurrentValue => Current;
        public RoutingOptions Get(string? name) => Current;
        public IDisposable? OnChange(Action<RoutingOptions, string?> listener) => null;
    }
}

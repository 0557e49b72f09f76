using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Route.Routing;

namespace Workflow.Route.Tests;

public sealed class When_rules_decide_where_a_document_goes : IDisposable
{
    private readonly RoutingRules _rules = new(
        Options.Create(new RoutingOptions { RulesFile = RuleFiles.Write(RuleFiles.Valid) }), NullLogger<RoutingRules>.Instance, TimeProvider.System);

    private RoutingTable Table => new(_rules);

    private static DocumentFacts Document(
        string category, double confidence, string? source = null, string? sender = null, params ExtractedEntity[] entities) =>
        new(category, confidence, source, sender, entities);

    private static ExtractedEntity Money(string normalized) => new(EntityTypes.Money, normalized, normalized, 0, normalized.Length);

    [Fact]
    public void The_first_matching_rule_decides_and_its_version_is_recorded()
    {
        Assert.Equal(new RoutingDecision("confident-hardware", "IT Operations", "v7"), Table.Decide(Document("Hardware", 0.9)));
        Assert.Equal(new RoutingDecision("any-hardware", "Hardware Triage", "v7"), Table.Decide(Document("Hardware", 0.5)));
    }

    [Fact]
    public void Without_a_matching_rule_the_default_department_gets_the_document()
    {
        Assert.Equal(new RoutingDecision(RoutingDecision.DefaultRuleId, "Service Desk", "v7"), Table.Decide(Document("HR Support", 0.99)));
    }

    [Fact]
    public void An_amount_above_the_threshold_in_the_right_currency_matches_and_flags_review()
    {
        var big = Table.Decide(Document("Purchase", 0.95, entities: Money("12500.00 EUR")));
        var otherCurrency = Table.Decide(Document("Purchase", 0.95, entities: Money("12500.00 USD")));
        var small = Table.Decide(Document("Purchase", 0.95, entities: Money("99.00 EUR")));

        Assert.Equal(("big-invoice", "Finance", true), (big.RuleId, big.Department, big.NeedsReview));
        Assert.Contains("big-invoice", big.ReviewReason);
        Assert.Equal(("purchases", false), (otherCurrency.RuleId, otherCurrency.NeedsReview));
        Assert.Equal("purchases", small.RuleId);
    }

    [Theory]
    [InlineData("Ann <ann@partner.example>", "email", "partner-mail")]
    [InlineData("bob@eu.partner.example", "email", "partner-mail")]
    [InlineData("eve@notpartner.example", "email", RoutingDecision.DefaultRuleId)]
    [InlineData("ann@partner.example", "api", RoutingDecision.DefaultRuleId)]
    public void Sender_domain_and_source_conditions_both_must_hold(string sender, string source, string expectedRule)
    {
        Assert.Equal(expectedRule, Table.Decide(Document("Access", 0.9, source, sender)).RuleId);
    }

    [Fact]
    public void An_entity_of_a_type_matches_whatever_its_value()
    {
        var iban = new ExtractedEntity(EntityTypes.Iban, "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", 10, 27);

        Assert.Equal("bank-details", Table.Decide(Document("Access", 0.9, entities: iban)).RuleId);
    }

    [Fact]
    public void Low_confidence_needs_review_by_the_rule_threshold_or_else_the_global_one()
    {
        Assert.True(Table.Decide(Document("HR Support", 0.39)).NeedsReview);
        Assert.False(Table.Decide(Document("HR Support", 0.41)).NeedsReview);

        // any-hardware has its own, lower threshold.
        Assert.False(Table.Decide(Document("Hardware", 0.3)).NeedsReview);
        Assert.True(Table.Decide(Document("Hardware", 0.1)).NeedsReview);
    }

    [Fact]
    public void A_reviewed_document_is_not_sent_to_review_again()
    {
        Assert.False(Table.Decide(Document("Purchase", 1, entities: Money("50000.00 EUR")), reviewed: true).NeedsReview);
    }

    [Fact]
    public void Nobody_deciding_in_time_sends_the_document_to_the_fallback_department()
    {
        Assert.Equal(new RoutingDecision(RoutingDecision.ReviewTimeoutRuleId, "Triage", "v7"), Table.ReviewTimedOut());
    }

    public void Dispose() => _rules.Dispose();
}

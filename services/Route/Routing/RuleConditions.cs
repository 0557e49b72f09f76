using System.Globalization;
using Workflow.Contracts;

namespace Workflow.Route.Routing;

/// <summary>What a rule asks of a document; every condition given must hold (an empty one always does).</summary>
public sealed record RuleConditions
{
    /// <summary>Any of these categories (case-insensitive).</summary>
    public IReadOnlyList<string> Category { get; init; } = [];

    public double MinConfidence { get; init; }
    public double MaxConfidence { get; init; } = 1;

    /// <summary>Any of these sources (the upload's <c>source</c>, e.g. <c>email</c>, <c>api</c>).</summary>
    public IReadOnlyList<string> Source { get; init; } = [];

    /// <summary>The e-mail sender's domain is one of these, or a subdomain of one.</summary>
    public IReadOnlyList<string> SenderDomain { get; init; } = [];

    /// <summary>The document mentions an amount of at least this much (in <see cref="Currency"/> when given).</summary>
    public decimal? AmountAtLeast { get; init; }

    /// <summary>ISO 4217 code the amount condition is about.</summary>
    public string? Currency { get; init; }

    /// <summary>The document contains an entity of each of these types (<see cref="EntityTypes"/>).</summary>
    public IReadOnlyList<string> HasEntity { get; init; } = [];

    public bool Match(DocumentFacts document) =>
        (Category.Count == 0 || Category.Contains(document.Category, StringComparer.OrdinalIgnoreCase))
        && document.Confidence >= MinConfidence && document.Confidence <= MaxConfidence
        && (Source.Count == 0 || (document.Source is { } source && Source.Contains(source, StringComparer.OrdinalIgnoreCase)))
        && (SenderDomain.Count == 0 || SenderDomain.Any(document.SenderIsIn))
        && (AmountAtLeast is not { } least || Amounts(document).Any(a => a >= least))
        && HasEntity.All(type => document.Entities.Any(e => e.Type == type));

    private IEnumerable<decimal> Amounts(DocumentFacts document)
    {
        foreach (var money in document.Entities.Where(e => e.Type == EntityTypes.Money && e.Normalized is not null))
        {
            // Extract normalises amounts as "1234.50 EUR".
            var parts = money.Normalized!.Split(' ');
            if (parts.Length == 2 && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                && (Currency is null || string.Equals(parts[1], Currency, StringComparison.OrdinalIgnoreCase)))
            {
                yield return amount;
            }
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Contracts;

namespace Workflow.Route.Routing;

/// <summary>Reads a rules file and says everything that is wrong with it, not just the first thing.</summary>
public static class RuleSetParser
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // A misspelt condition must not silently match everything.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly HashSet<string> KnownEntityTypes =
    [
        EntityTypes.Email, EntityTypes.Phone, EntityTypes.Url, EntityTypes.Money, EntityTypes.Date, EntityTypes.Iban,
        EntityTypes.InvoiceNumber, EntityTypes.OrderNumber,
    ];

    /// <returns>The rule set, or null with the problems (each naming where it is).</returns>
    public static (RoutingRuleSet? Rules, IReadOnlyList<string> Errors) Parse(string json)
    {
        RoutingRuleSet? set;
        try
        {
            set = JsonSerializer.Deserialize<RoutingRuleSet>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, [e.Message]);
        }

        if (set is null)
        {
            return (null, ["The file holds no rule set (null)."]);
        }

        var errors = Validate(set).ToList();
        return errors.Count == 0 ? (set, errors) : (null, errors);
    }

    private static IEnumerable<string> Validate(RoutingRuleSet set)
    {
        if (string.IsNullOrWhiteSpace(set.Version))
        {
            yield return "version: required (it is recorded with every decision).";
        }

        if (string.IsNullOrWhiteSpace(set.DefaultDepartment))
        {
            yield return "defaultDepartment: required (where a document goes when no rule matches).";
        }

        foreach (var error in Validate(set.Review))
        {
            yield return error;
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < set.Rules.Count; i++)
        {
            var rule = set.Rules[i];
            var at = $"rules[{i}]" + (string.IsNullOrWhiteSpace(rule.Id) ? "" : $" ({rule.Id})");
            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                yield return $"{at}.id: required.";
            }
            else if (!ids.Add(rule.Id))
            {
                yield return $"{at}.id: '{rule.Id}' is used by an earlier rule; ids must be unique.";
            }

            if (string.IsNullOrWhiteSpace(rule.Department))
            {
                yield return $"{at}.department: required.";
            }

            if (rule.ReviewBelowConfidence is { } threshold && !IsProbability(threshold))
            {
                yield return $"{at}.reviewBelowConfidence: {threshold} is not between 0 and 1.";
            }

            foreach (var error in Validate(rule.When, $"{at}.when"))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<string> Validate(ReviewPolicy review)
    {
        if (!IsProbability(review.BelowConfidence))
        {
            yield return $"review.belowConfidence: {review.BelowConfidence} is not between 0 and 1.";
        }

        if (review.Deadline <= TimeSpan.Zero)
        {
            yield return "review.deadline: must be positive (d.hh:mm:ss).";
        }

        if (review.EscalationDeadline <= TimeSpan.Zero)
        {
            yield return "review.escalationDeadline: must be positive (d.hh:mm:ss).";
        }
    }

    private static IEnumerable<string> Validate(RuleConditions when, string at)
    {
        if (!IsProbability(when.MinConfidence) || !IsProbability(when.MaxConfidence))
        {
            yield return $"{at}: minConfidence and maxConfidence must be between 0 and 1.";
        }
        else if (when.MinConfidence > when.MaxConfidence)
        {
            yield return $"{at}: minConfidence {when.MinConfidence} is above maxConfidence {when.MaxConfidence}; the rule could never match.";
        }

        if (when.AmountAtLeast is < 0)
        {
            yield return $"{at}.amountAtLeast: must not be negative.";
        }

        if (when.Currency is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            yield return $"{at}.currency: '{currency}' is not an ISO 4217 code (three letters, e.g. EUR).";
        }

        if (when.Currency is not null && when.AmountAtLeast is null)
        {
            yield return $"{at}.currency: only means something with amountAtLeast.";
        }

        foreach (var type in when.HasEntity.Where(t => !KnownEntityTypes.Contains(t)))
        {
            yield return $"{at}.hasEntity: '{type}' is not an entity type extract finds ({string.Join(", ", KnownEntityTypes.Order())}).";
        }

        foreach (var domain in when.SenderDomain.Where(d => d.Length == 0 || d.Contains('@') || d.StartsWith('.')))
        {
            yield return $"{at}.senderDomain: '{domain}' is not a domain (write example.com, not @example.com).";
        }
    }

    private static bool IsProbability(double value) => value is >= 0 and <= 1;
}

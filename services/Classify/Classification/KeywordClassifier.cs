using System.Text.RegularExpressions;

namespace Workflow.Classify.Classification;

/// <summary>
/// A transparent first classifier: counts telling words per category. The category with the
/// most hits wins; its confidence is its share of all hits, damped when there are few.
/// </summary>
public sealed partial class KeywordClassifier : IDocumentClassifier
{
    public const string ProviderName = "keywords";

    public string Name => $"{ProviderName}/1";

    public ValueTask<Classification> ClassifyAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult(Classify(text));

    private static readonly Dictionary<string, string[]> Keywords = new()
    {
        [Categories.Hardware] = ["laptop", "screen", "monitor", "printer", "keyboard", "mouse", "battery", "docking", "headset", "charger", "hardware", "device", "computer"],
        [Categories.Access] = ["access", "password", "login", "account", "badge", "permission", "unlock", "locked", "vpn", "license", "credentials"],
        [Categories.HrSupport] = ["leave", "holiday", "salary", "payroll", "employee", "vacation", "onboarding", "hire", "benefits", "sick", "hr"],
        [Categories.Storage] = ["disk", "storage", "drive", "folder", "quota", "backup", "sharepoint", "onedrive", "space", "files"],
        [Categories.Purchase] = ["purchase", "order", "buy", "quote", "invoice", "supplier", "vendor", "price", "procurement", "payment"],
        [Categories.InternalProject] = ["project", "development", "deploy", "release", "sprint", "requirement", "implementation", "milestone"],
        [Categories.AdministrativeRights] = ["admin", "administrator", "rights", "install", "installation", "elevated", "privileges"],
    };

    public Classification Classify(string text)
    {
        var counts = new Dictionary<string, int>();
        var hits = new Dictionary<string, HashSet<string>>();
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            foreach (var (category, keywords) in Keywords)
            {
                if (keywords.Contains(word.Value))
                {
                    counts[category] = counts.GetValueOrDefault(category) + 1;
                    (hits.TryGetValue(category, out var set) ? set : hits[category] = []).Add(word.Value);
                }
            }
        }

        if (counts.Count == 0)
        {
            return new Classification(Categories.Miscellaneous, 0.2, Name, "No category keywords found.");
        }

        var (best, score) = counts.MaxBy(c => c.Value);
        var total = counts.Values.Sum();
        var confidence = Math.Round((double)score / total * score / (score + 1.0), 3);
        return new Classification(best, confidence, Name, $"Matched {string.Join(", ", hits[best].Order())}.");
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}

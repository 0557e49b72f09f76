using Workflow.Contracts;

namespace Workflow.Route.Routing;

/// <summary>What the rules may look at: the classification and what extract found.</summary>
public sealed record DocumentFacts(
    string Category, double Confidence, string? Source, string? Sender, IReadOnlyList<ExtractedEntity> Entities)
{
    public static DocumentFacts From(DocumentClassified message) =>
        new(message.Category, message.Confidence, message.Source, message.Sender, message.Entities);

    public bool SenderIsIn(string domain)
    {
        var at = Sender?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }

        var senderDomain = Sender![(at + 1)..].TrimEnd('>', ' ');
        return senderDomain.Equals(domain, StringComparison.OrdinalIgnoreCase)
            || senderDomain.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
    }
}

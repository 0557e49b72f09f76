using System.Globalization;
using Workflow.Contracts;

namespace Workflow.Notify.Email;

/// <summary>What the e-mails say. Only the decisions, never the document's content.</summary>
public static class EmailTexts
{
    public static EmailContent Routed(DocumentRouted m) => new(
        $"New {m.Category} document for {m.Department}",
        string.Create(CultureInfo.InvariantCulture, $"""
            Document {m.DocumentId} was routed to {m.Department}.

            Category:   {m.Category} (confidence {m.Confidence:0.##})
            Rule:       {m.RuleId} (rules version {m.RulesVersion})
            Routed at:  {m.RoutedAt:u}
            {(m.Review is { } r ? $"Reviewed:   {r.Decision} by {r.Reviewer ?? "nobody"}{(r.Comment is null ? "" : $" ({r.Comment})")}" : "")}
            """));

    public static EmailContent Escalated(DocumentReviewEscalated m) => new(
        $"Review overdue: {m.Category} document {m.DocumentId}",
        string.Create(CultureInfo.InvariantCulture, $"""
            Document {m.DocumentId} has waited for review past its deadline.

            Category:   {m.Category} (confidence {m.Confidence:0.##})
            Decide at:  /v1/reviews/{m.DocumentId}
            Unless someone decides by {m.FallbackDeadline:u}, it goes to {m.FallbackDepartment}.
            """));
}

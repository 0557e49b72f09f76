using Workflow.Notify.Data;
using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Apis;

/// <summary>The body of <c>POST /v1/webhooks</c>.</summary>
/// <param name="EventTypes">Any of <see cref="WebhookEventTypes.Known"/>, or <c>*</c> for all.</param>
/// <param name="Secret">Optional: <c>whsec_</c> + base64 of 24–64 random bytes; one is generated when absent.</param>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Secret, string? Description)
{
    public Dictionary<string, string[]> Problems(DestinationPolicy policy)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Url) || Url.Length > 2000)
        {
            problems["url"] = ["Required, at most 2000 characters."];
        }
        else if (policy.ProblemWith(Url) is { } problem)
        {
            problems["url"] = [problem];
        }

        if (EventTypes is not { Count: > 0 } || EventTypes.Any(t => t != WebhookEventTypes.All && !WebhookEventTypes.Known.Contains(t)))
        {
            problems["eventTypes"] = [$"At least one of: {string.Join(", ", WebhookEventTypes.Known)}, or * for all."];
        }

        if (Secret is not null && !WebhookSignature.IsValidSecret(Secret))
        {
            problems["secret"] = ["Must be whsec_ followed by the base64 of 24 to 64 random bytes (or leave it out to get one)."];
        }

        if (Description is { Length: > 500 })
        {
            problems["description"] = ["At most 500 characters."];
        }

        return problems;
    }
}

/// <summary>A subscription as the API shows it: never its secret, except once in <see cref="CreatedWebhook"/>.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, DateTimeOffset CreatedAt)
{
    public static WebhookView From(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes.Split(','), s.Description, s.CreatedAt);
}

public sealed record CreatedWebhook(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, DateTimeOffset CreatedAt, string Secret);

public sealed record DeliveryView(
    Guid Id, Guid DocumentId, string EventType, string Status, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<AttemptView> AttemptLog)
{
    public static DeliveryView From(Delivery d) => new(
        d.Id, d.DocumentId, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastError, d.CreatedAt, d.FinishedAt,
        d.AttemptLog.OrderBy(a => a.Number).Select(a => new AttemptView(a.Number, a.At, a.DurationMs, a.StatusCode, a.Succeeded, a.Error)).ToList());
}

public sealed record AttemptView(int Number, DateTimeOffset At, double DurationMs, int? StatusCode, bool Succeeded, string? Error);

using Workflow.ServiceDefaults.Http;

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// The shape a document's callback URL must have, checked where it enters (the upload API and
/// the broker). Which networks it may reach is notify's destination policy, checked at each call.
/// </summary>
public static class CallbackUrl
{
    public const int MaxLength = 2000;

    /// <summary>Why the URL cannot be a callback, or null when it can.</summary>
    public static string? ProblemWith(string url)
    {
        if (url.Length > MaxLength)
        {
            return $"Must be at most {MaxLength} characters.";
        }

        return OutboundUrl.TryParse(url, out _, out var problem) ? null : problem;
    }
}

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

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "Must be an absolute http or https URL.";
        }

        return uri.UserInfo.Length > 0 ? "Must not contain credentials; the signature proves who is calling." : null;
    }
}

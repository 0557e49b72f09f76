using System.Diagnostics.CodeAnalysis;

namespace Workflow.ServiceDefaults.Http;

/// <summary>The shape of a URL the system POSTs signed calls to (webhook subscriptions, document callbacks).</summary>
public static class OutboundUrl
{
    /// <summary>Whether the URL has the right shape: absolute http or https, without credentials; otherwise why not.</summary>
    public static bool TryParse(string url, [NotNullWhen(true)] out Uri? uri, [NotNullWhen(false)] out string? problem)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            (uri, problem) = (null, "Must be an absolute http or https URL.");
            return false;
        }

        if (uri.UserInfo.Length > 0)
        {
            (uri, problem) = (null, "Must not contain credentials; the signature proves who is calling.");
            return false;
        }

        problem = null;
        return true;
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Workflow.ServiceDefaults.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer wf_…</c> or <c>X-Api-Key: wf_…</c> against the key
/// file. The principal carries the key's id, tenant and roles. Nothing of the key is logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyFile keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string TenantClaim = "tenant";
    public const string KeyIdClaim = "key_id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var entry = keys.Find(presented);
        if (entry is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid (unknown, mistyped or revoked)."));
        }

        var claims = new List<Claim> { new(KeyIdClaim, entry.Id), new(TenantClaim, entry.Tenant), new(ClaimTypes.Name, entry.Name ?? entry.Id) };
        claims.AddRange(entry.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"workflow\", {HeaderName}";
        return base.HandleChallengeAsync(properties);
    }

    private string? Presented()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }

        return BearerTokenOf(Request);
    }

    /// <summary>The value of <c>Authorization: Bearer …</c>: an API key, or a JWT when OIDC tokens are configured.</summary>
    internal static string? BearerTokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.ServiceDefaults.Auth;

/// <summary>
/// Optional JWT bearer tokens from an OIDC issuer (<c>Auth:Jwt:Authority</c>), beside API keys:
/// the token's tenant claim and role claims become the same tenant and roles a key carries, so
/// every policy and every tenant filter applies unchanged. A bearer value that is a JWT goes to
/// the token handler; anything else (a <c>wf_…</c> key) to the key handler.
/// </summary>
public static class OidcTokens
{
    public const string Section = "Auth:Jwt";
    public const string SelectorScheme = "ApiKeyOrJwt";

    public sealed class Settings
    {
        /// <summary>The issuer: its <c>/.well-known/openid-configuration</c> gives the signing keys.</summary>
        public string? Authority { get; set; }

        /// <summary>The audience tokens must be issued for.</summary>
        public string? Audience { get; set; }

        /// <summary>The claim naming the caller's tenant; a token without it is refused.</summary>
        public string TenantClaim { get; set; } = "tenant";

        /// <summary>The claim (one value or several) naming roles: submitter, reviewer, auditor, admin; others are ignored.</summary>
        public string RolesClaim { get; set; } = "roles";

        /// <summary>False only for an issuer on loopback in development and tests.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;
    }

    /// <summary>Adds the token scheme when an authority is configured; otherwise keys are the only scheme.</summary>
    public static AuthenticationBuilder AddOidcTokensIfConfigured(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<Settings>() ?? new Settings();
        if (string.IsNullOrWhiteSpace(settings.Authority))
        {
            return authentication;
        }

        authentication.Services.Configure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = SelectorScheme;
            o.DefaultChallengeScheme = SelectorScheme;
        });
        return authentication
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = context =>
                IsJwt(context.Request) ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddJwtBearer(o =>
            {
                o.Authority = settings.Authority;
                o.Audience = settings.Audience;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;
                o.TokenValidationParameters.NameClaimType = "sub";
                o.Events = new JwtBearerEvents { OnTokenValidated = context => MapClaims(context, settings) };
            });
    }

    private static bool IsJwt(HttpRequest request) =>
        ApiKeyAuthenticationHandler.BearerTokenOf(request) is { } token && !token.StartsWith(ApiKeyEntry.Prefix, StringComparison.Ordinal) && token.Count('.') == 2;

    /// <summary>The token's tenant and roles as the claims the policies and <see cref="AuthExtensions.TenantOf"/> read.</summary>
    private static Task MapClaims(TokenValidatedContext context, Settings settings)
    {
        var principal = context.Principal!;
        var tenant = principal.FindFirst(settings.TenantClaim)?.Value;
        if (string.IsNullOrWhiteSpace(tenant) || tenant.Length > Workflow.Contracts.Tenants.MaxLength)
        {
            context.Fail($"The token has no usable '{settings.TenantClaim}' claim.");
            return Task.CompletedTask;
        }

        var subject = principal.FindFirst("sub")?.Value ?? principal.FindFirst("azp")?.Value ?? "unknown";
        var claims = new List<Claim>
        {
            new(ApiKeyAuthenticationHandler.TenantClaim, tenant),
            new(ApiKeyAuthenticationHandler.KeyIdClaim, "jwt:" + subject),
        };
        claims.AddRange(principal.FindAll(settings.RolesClaim).Select(c => c.Value)
            .Where(role => Roles.All.Contains(role)).Select(role => new Claim(ClaimTypes.Role, role)));
        var identity = new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, "sub", ClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }
}

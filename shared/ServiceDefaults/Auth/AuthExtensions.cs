using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workflow.ServiceDefaults.Auth;

public static class AuthExtensions
{
    public const string OperatorTenantSetting = "Auth:OperatorTenant";

    /// <summary>API keys from the key file (and OIDC tokens when configured), and the policies every service's endpoints name.</summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ApiKeyFile(builder.Configuration[ApiKeyFile.PathSetting], sp.GetRequiredService<TimeProvider>()));
        var operatorTenant = builder.Configuration[OperatorTenantSetting] ?? Workflow.Contracts.Tenants.Default;
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddOidcTokensIfConfigured(builder.Configuration);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Submit, p => p.RequireRole(Roles.Submitter))
            .AddPolicy(Policies.ReadDocuments, p => p.RequireRole(Roles.Submitter, Roles.Auditor))
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Policies.ReadReviews, p => p.RequireRole(Roles.Reviewer, Roles.Auditor))
            .AddPolicy(Policies.ReadRules, p => p.RequireRole(Roles.Admin, Roles.Auditor))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.Admin).RequireClaim(ApiKeyAuthenticationHandler.TenantClaim, operatorTenant));
        return builder;
    }

    /// <summary>The id of the caller's API key, or null for an anonymous caller.</summary>
    public static string? KeyIdOf(this ClaimsPrincipal user) => user.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value;

    /// <summary>The caller's tenant: every read, list and write is scoped to it.</summary>
    public static string TenantOf(this ClaimsPrincipal user) =>
        user.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value
        ?? throw new InvalidOperationException("The endpoint was reached without an authenticated tenant; it must require a policy.");
}

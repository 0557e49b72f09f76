using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Workflow.Testing;

/// <summary>
/// An OIDC issuer (the customer's identity provider) as a real local HTTP server: its discovery
/// document and signing keys, and tokens signed with its RSA key, as such a provider issues them.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication _app = null!;

    private FakeOidcIssuer()
    {
    }

    public string Authority { get; private set; } = "";

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var issuer = new FakeOidcIssuer();
        (issuer._app, var address) = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer.Authority, ["jwks_uri"] = issuer.Authority + "/jwks",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            }));
            app.MapGet("/jwks", () =>
            {
                var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(issuer.SigningKey(includePrivate: false));
                return Results.Json(new { keys = new[] { new { kty = key.Kty, kid = key.Kid, use = "sig", alg = "RS256", n = key.N, e = key.E } } });
            });
        });
        issuer.Authority = address.ToString().TrimEnd('/');
        return issuer;
    }

    /// <summary>A signed access token for the audience, with the given claims (a claim name may repeat, e.g. roles).</summary>
    public string Token(string audience, IEnumerable<(string Type, string Value)> claims, TimeSpan? lifetime = null, string? issuer = null, RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value))),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signWith is null ? SigningKey(true) : new RsaSecurityKey(signWith) { KeyId = "issuer-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private RsaSecurityKey SigningKey(bool includePrivate) =>
        new(_rsa.ExportParameters(includePrivate)) { KeyId = "issuer-key" };

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}

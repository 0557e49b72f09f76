using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>
/// With <c>Auth:Jwt</c> configured, a JWT from the organisation's OIDC issuer (a real local
/// server with discovery and keys) is as good as an API key: its tenant and roles claims decide,
/// and a token that is expired, for another audience, from another issuer or signed with another
/// key is 401. API keys keep working beside tokens.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class When_a_caller_presents_an_oidc_token(IngestHost host) : IAsyncLifetime
{
    private const string Audience = "workflow-api";
    private FakeOidcIssuer _issuer = null!;
    private WebApplicationFactory<Program> _withTokens = null!;

    public async Task InitializeAsync()
    {
        _issuer = await FakeOidcIssuer.StartAsync();
        _withTokens = host.WithWebHostBuilder(b =>
        {
            b.UseSetting("Auth:Jwt:Authority", _issuer.Authority);
            b.UseSetting("Auth:Jwt:Audience", Audience);
            b.UseSetting("Auth:Jwt:RequireHttpsMetadata", "false");
        });
    }

    [Fact]
    public async Task A_token_with_a_tenant_and_the_submitter_role_uploads_and_reads_only_its_tenants_documents()
    {
        using var acme = Client(_issuer.Token(Audience, [("sub", "alice"), ("tenant", "acme"), ("roles", "submitter"), ("roles", "reviewer")]));

        var upload = await acme.PostAsJsonAsync("/v1/documents", Upload("token.txt"));

        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync($"/v1/documents/{id}")).StatusCode);
        using var globex = Client(_issuer.Token(Audience, [("sub", "bob"), ("tenant", "globex"), ("roles", "submitter")]));
        Assert.Equal(HttpStatusCode.NotFound, (await globex.GetAsync($"/v1/documents/{id}")).StatusCode);
        // A key of the same tenant sees what the token uploaded (one tenant, whichever way its callers sign in); another tenant's key does not.
        Assert.Equal(HttpStatusCode.OK, (await IngestHost.ClientWith(_withTokens, host.ApiKey).GetAsync($"/v1/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await IngestHost.ClientWith(_withTokens, host.OtherTenantKey).GetAsync($"/v1/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_role_is_403_and_one_without_a_tenant_is_401()
    {
        using var auditor = Client(_issuer.Token(Audience, [("sub", "carol"), ("tenant", "acme"), ("roles", "auditor")]));
        using var tenantless = Client(_issuer.Token(Audience, [("sub", "dave"), ("roles", "submitter")]));

        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/v1/documents", Upload("a.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/v1/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tenantless.GetAsync("/v1/documents")).StatusCode);
    }

    [Fact]
    public async Task An_expired_foreign_or_forged_token_is_401()
    {
        (string, string)[] claims = [("sub", "eve"), ("tenant", "acme"), ("roles", "submitter")];
        using var forger = RSA.Create(2048);
        string[] tokens =
        [
            _issuer.Token(Audience, claims, lifetime: TimeSpan.FromMinutes(-30)),
            _issuer.Token("another-api", claims),
            _issuer.Token(Audience, claims, issuer: "https://issuer.example.test"),
            _issuer.Token(Audience, claims, signWith: forger),
        ];

        foreach (var token in tokens)
        {
            using var client = Client(token);
            var response = await client.GetAsync("/v1/documents");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Api_keys_keep_working_beside_tokens()
    {
        using var keyed = IngestHost.ClientWith(_withTokens, host.ApiKey);
        using var bearerKey = IngestHost.ClientWith(_withTokens, null);
        bearerKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);

        Assert.Equal(HttpStatusCode.Accepted, (await keyed.PostAsJsonAsync("/v1/documents", Upload("key.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await bearerKey.PostAsJsonAsync("/v1/documents", Upload("bearer.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IngestHost.ClientWith(_withTokens, null).GetAsync("/v1/documents")).StatusCode);
    }

    private HttpClient Client(string token)
    {
        var client = IngestHost.ClientWith(_withTokens, null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static object Upload(string name) => new
    {
        fileName = name, contentType = "text/plain", contentBase64 = Convert.ToBase64String("my screen is broken"u8.ToArray()),
    };

    public async Task DisposeAsync()
    {
        await _withTokens.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}

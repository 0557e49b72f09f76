using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.ServiceDefaults.Auth;

namespace Workflow.Ingest.Tests;

/// <summary>Who may call: no key or a bad one is 401, the wrong role 403, another tenant's document 404.</summary>
[Collection(IngestCollection.Name)]
public sealed class When_a_caller_presents_an_api_key(IngestHost host)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wf_0123456789ab_not-the-secret")]
    [InlineData("not even a key")]
    public async Task Without_a_valid_key_every_api_call_is_401_with_a_problem(string? key)
    {
        using var client = Client(key);

        var upload = await client.PostAsJsonAsync("/v1/documents", Upload("x.txt"));
        var read = await client.GetAsync($"/v1/documents/{Guid.NewGuid()}");

        foreach (var response in new[] { upload, read })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_known_key_with_a_changed_secret_is_401()
    {
        using var client = Client(host.ApiKey + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/v1/documents", Upload("tampered.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/documents")).StatusCode);
    }

    [Fact]
    public async Task The_key_goes_in_the_bearer_header_as_well()
    {
        using var client = Client(null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.ApiKey);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/v1/documents", Upload("bearer.txt"))).StatusCode);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        using var client = Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_role_is_403()
    {
        var auditor = await AddKeyAsync("acme", Roles.Auditor);
        using var client = Client(auditor);

        var upload = await client.PostAsJsonAsync("/v1/documents", Upload("audit.txt"));
        var list = await client.GetAsync("/v1/documents");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_document_does_not_exist_for_you()
    {
        var mine = await (await host.CreateClient().PostAsJsonAsync("/v1/documents", Upload("mine.txt"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = mine.GetProperty("documentId").GetGuid();
        using var other = Client(host.OtherTenantKey);

        var read = await other.GetAsync($"/v1/documents/{id}");
        var list = await other.GetFromJsonAsync<JsonElement>("/v1/documents?limit=200");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("documentId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/v1/documents/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_without_a_restart()
    {
        var key = await AddKeyAsync("acme", Roles.Submitter);
        using var client = Client(key);

        var file = Path.Combine(host.DataDirectory, "api-keys.json");
        ApiKeyFile.Write(file, ApiKeyFile.Read(file).Select(e => e.Id == ApiKeyEntry.IdOf(key) ? e with { RevokedAt = DateTimeOffset.UtcNow } : e));

        await Workflow.Testing.Eventually.MatchesAsync(async () => (await client.GetAsync("/v1/documents?limit=1")).StatusCode,
            status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the revoked key to be refused");
    }

    /// <summary>Adds a key to the file, as the keys command does, and waits until ingest accepts it (it reads the file again within a second).</summary>
    private async Task<string> AddKeyAsync(string tenant, params string[] roles)
    {
        var file = Path.Combine(host.DataDirectory, "api-keys.json");
        var (key, entry) = ApiKeyEntry.Create(tenant, roles, "added by a test", DateTimeOffset.UtcNow);
        ApiKeyFile.Write(file, ApiKeyFile.Read(file).Append(entry));
        using var client = Client(key);
        await Workflow.Testing.Eventually.MatchesAsync(async () => (await client.GetAsync("/v1/documents?limit=1")).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the new key to be accepted");
        return key;
    }

    private HttpClient Client(string? key) => IngestHost.ClientWith(host, key);

    private static object Upload(string name) => new
    {
        fileName = name, contentType = "text/plain", contentBase64 = Convert.ToBase64String("my screen is broken"u8.ToArray()),
    };
}

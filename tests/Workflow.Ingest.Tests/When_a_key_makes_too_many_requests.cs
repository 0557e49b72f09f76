using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace Workflow.Ingest.Tests;

/// <summary>Rate limits per API key, told on every response, and a 429 with Retry-After beyond them.</summary>
[Collection(IngestCollection.Name)]
public sealed class When_a_key_makes_too_many_requests(IngestHost host)
{
    [Fact]
    public async Task Each_response_says_what_is_left_and_the_one_over_the_limit_is_429_with_retry_after()
    {
        await using var limited = host.WithWebHostBuilder(b => b.UseSetting("RateLimits:PermitLimit", "3"));
        var client = IngestHost.ClientWith(limited, host.ApiKey);

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync("/v1/documents?limit=1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", Header(ok, "X-RateLimit-Limit"));
            remaining.Add(Header(ok, "X-RateLimit-Remaining"));
            Assert.InRange(int.Parse(Header(ok, "X-RateLimit-Reset")), 1, 60);
        }

        var over = await client.GetAsync("/v1/documents?limit=1");

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.InRange(over.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        var problem = await over.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:workflow:problem:rate-limited", problem.GetProperty("type").GetString());

        // Another key has its own allowance; health is never limited.
        var other = IngestHost.ClientWith(limited, host.OtherTenantKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/documents?limit=1")).StatusCode);
        var health = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("X-RateLimit-Limit"));
    }

    private static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));
}

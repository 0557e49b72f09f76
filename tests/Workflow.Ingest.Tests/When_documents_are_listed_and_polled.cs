using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflow.Ingest.Tests;

[Collection(IngestCollection.Name)]
public sealed class When_documents_are_listed_and_polled(IngestHost host)
{
    [Fact]
    public async Task Polling_with_the_etag_costs_a_304_until_the_document_changes_and_says_when_to_ask_again()
    {
        var client = host.CreateClient();
        var id = await UploadAsync(client, "poll.txt");

        var first = await client.GetAsync($"/v1/documents/{id}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);

        var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/v1/documents/{id}");
        unchanged.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(unchanged);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        var stale = new HttpRequestMessage(HttpMethod.Get, $"/v1/documents/{id}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-version\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task The_list_is_newest_first_filtered_and_paged()
    {
        var client = host.CreateClient();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await UploadAsync(client, $"list-{i}.txt"));
        }

        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/v1/documents?status=received&createdFrom={Uri.EscapeDataString(since.ToString("O"))}&limit=2");
        var listed = page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("documentId").GetGuid()).ToList();
        var next = await client.GetFromJsonAsync<JsonElement>(
            $"/v1/documents?status=Received&createdFrom={Uri.EscapeDataString(since.ToString("O"))}&limit=2&offset=2");

        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal([ids[2], ids[1]], listed.Where(ids.Contains));
        Assert.Contains(next.GetProperty("items").EnumerateArray(), d => d.GetProperty("documentId").GetGuid() == ids[0]);
        var none = await client.GetFromJsonAsync<JsonElement>($"/v1/documents?status=Completed&createdFrom={Uri.EscapeDataString(since.ToString("O"))}");
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), d => ids.Contains(d.GetProperty("documentId").GetGuid()));
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("status=3", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task A_bad_filter_is_a_problem_naming_it(string query, string field)
    {
        var response = await host.CreateClient().GetAsync($"/v1/documents?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string name)
    {
        var response = await client.PostAsJsonAsync("/v1/documents", new
        {
            fileName = name, contentType = "text/plain", contentBase64 = Convert.ToBase64String("a printer is jammed"u8.ToArray()),
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
    }
}

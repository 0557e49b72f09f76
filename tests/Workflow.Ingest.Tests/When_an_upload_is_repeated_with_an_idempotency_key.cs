using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;

namespace Workflow.Ingest.Tests;

/// <summary>A client that retries an upload (a timeout, a lost response) must not create a second document.</summary>
[Collection(IngestCollection.Name)]
public sealed class When_an_upload_is_repeated_with_an_idempotency_key(IngestHost host)
{
    [Fact]
    public async Task The_repeat_gets_the_first_response_marked_replayed_and_no_second_document()
    {
        var key = Guid.NewGuid().ToString();
        var client = host.CreateClient();

        var first = await UploadAsync(client, key, "my monitor is broken");
        var again = await UploadAsync(client, key, "my monitor is broken");

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await DocumentsNamedAsync(key));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_refused_with_422()
    {
        var key = Guid.NewGuid().ToString();
        var client = host.CreateClient();
        await UploadAsync(client, key, "my monitor is broken");

        var other = await UploadAsync(client, key, "my keyboard is broken");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var problem = await other.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:workflow:problem:idempotency-key-reused", problem.GetProperty("type").GetString());
        Assert.Equal(1, await DocumentsNamedAsync(key));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_document_and_all_get_its_answer()
    {
        var key = Guid.NewGuid().ToString();
        var client = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => UploadAsync(client, key, "printer jammed")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location).Distinct());
        Assert.Equal(1, await DocumentsNamedAsync(key));
        var stored = Directory.GetFiles(Path.Combine(host.DocumentStorePath, "documents"), "*", SearchOption.AllDirectories).Count(f => File.ReadAllText(f) == "printer jammed" + key);
        Assert.Equal(1, stored);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0, "key with spaces")]
    [InlineData(0, "ключ")]
    public async Task A_malformed_key_is_a_problem_naming_the_header(int length, string? key = null)
    {
        key ??= new string('k', length);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = JsonContent.Create(Upload("x", "x")) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
    }

    private static object Upload(string key, string text) => new
    {
        fileName = $"{key}.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text + key)),
    };

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string key, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/documents") { Content = JsonContent.Create(Upload(key, text)) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<int> DocumentsNamedAsync(string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
        return await db.Documents.CountAsync(d => d.FileName == $"{key}.txt");
    }
}

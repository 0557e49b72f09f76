using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.ServiceDefaults.Storage;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

[Collection(IngestCollection.Name)]
public sealed class When_a_document_is_uploaded_over_http(IngestHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Json_upload_is_accepted_stored_recorded_and_announced()
    {
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var announced = await broker.CaptureAsync("workflow.document-uploaded");
        var client = host.CreateClient();
        var content = "my monitor is broken"u8.ToArray();

        var response = await client.PostAsJsonAsync("/v1/documents", new
        {
            fileName = "ticket.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(content), source = "portal", externalRef = "T-1",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("documentId").GetGuid();
        Assert.Equal("Received", body.GetProperty("status").GetString());
        Assert.Equal($"/v1/documents/{id}", body.GetProperty("statusUrl").GetString());
        Assert.Equal($"/v1/documents/{id}", response.Headers.Location?.ToString());

        var status = await client.GetFromJsonAsync<JsonElement>($"/v1/documents/{id}");
        Assert.Equal("ticket.txt", status.GetProperty("fileName").GetString());
        Assert.Equal(content.Length, status.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("text/plain", status.GetProperty("contentType").GetString());

        var stored = Path.Combine(host.DocumentStorePath, StorageKeys.Document(id));
        Assert.Equal(content, await File.ReadAllBytesAsync(stored));

        var message = await Eventually.MatchesAsync(
            () => Task.FromResult(announced.FirstOrDefault(m => m.Body.Contains(id.ToString()))), m => m is not null, Patience,
            "DocumentUploaded on the broker");
        var uploaded = message!.Json.GetProperty("message");
        Assert.Equal("portal", uploaded.GetProperty("source").GetString());
        Assert.Equal("T-1", uploaded.GetProperty("externalRef").GetString());
        Assert.Equal(StorageKeys.Document(id), uploaded.GetProperty("storageKey").GetString());
        Assert.Equal(Convert.ToBase64String(content), uploaded.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Multipart_upload_is_accepted_with_its_form_fields()
    {
        var client = host.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(SampleDocuments.Pdf("Purchase order 42"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "order.pdf");
        form.Add(new StringContent("scanner"), "source");
        form.Add(new StringContent("https://erp.example.test/callbacks?order=42"), "callbackUrl");
        await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
        var announced = await broker.CaptureAsync("workflow.document-uploaded");

        var response = await client.PostAsync("/v1/documents", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var status = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!.ToString());
        Assert.Equal("order.pdf", status.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", status.GetProperty("contentType").GetString());
        var id = status.GetProperty("documentId").GetString()!;
        var message = await Eventually.MatchesAsync(
            () => Task.FromResult(announced.FirstOrDefault(m => m.Body.Contains(id))), m => m is not null, Patience, "DocumentUploaded on the broker");
        Assert.Equal("https://erp.example.test/callbacks?order=42", message!.Json.GetProperty("message").GetProperty("callbackUrl").GetString());
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_problem()
    {
        var response = await host.CreateClient().GetAsync($"/v1/documents/{Guid.NewGuid()}");

        await AssertProblem(response, HttpStatusCode.NotFound, "Document not found");
    }

    [Fact]
    public async Task Json_without_its_required_fields_names_each_missing_field()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/v1/documents", new { contentType = "text/plain" });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "The upload is not valid");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("fileName", out _));
        Assert.True(errors.TryGetProperty("contentBase64", out _));
    }

    [Fact]
    public async Task Content_that_is_not_base64_is_refused()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/v1/documents", new { fileName = "a.txt", contentBase64 = "not base64!" });

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "The upload is not valid");
        Assert.Contains("not valid base64", problem.GetProperty("errors").GetProperty("contentBase64")[0].GetString());
    }

    [Theory]
    [InlineData("ftp://erp.example.test/in", "absolute http or https")]
    [InlineData("/callbacks/relative", "absolute http or https")]
    [InlineData("https://user:password@erp.example.test/in", "credentials")]
    public async Task A_callback_url_that_cannot_be_called_is_refused_as_json_and_as_multipart(string callbackUrl, string reason)
    {
        var client = host.CreateClient();
        var json = await client.PostAsJsonAsync("/v1/documents", new { fileName = "a.txt", contentBase64 = "aGVsbG8=", callbackUrl });
        using var form = new MultipartFormDataContent { { new ByteArrayContent("hello"u8.ToArray()), "file", "a.txt" }, { new StringContent(callbackUrl), "callbackUrl" } };
        var multipart = await client.PostAsync("/v1/documents", form);

        foreach (var response in new[] { json, multipart })
        {
            var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "The upload is not valid");
            Assert.Contains(reason, problem.GetProperty("errors").GetProperty("callbackUrl")[0].GetString());
        }
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_crash()
    {
        using var body = new StringContent("{\"fileName\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await host.CreateClient().PostAsync("/v1/documents", body);

        await AssertProblem(response, HttpStatusCode.BadRequest, "The upload is not valid");
    }

    [Fact]
    public async Task Multipart_without_a_file_part_is_refused()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "source" } };

        var response = await host.CreateClient().PostAsync("/v1/documents", form);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "The upload is not valid");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task Another_content_type_is_a_415_problem()
    {
        using var body = new StringContent("hello", System.Text.Encoding.UTF8, "text/plain");

        var response = await host.CreateClient().PostAsync("/v1/documents", body);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "Unsupported content type");
    }

    [Fact]
    public async Task A_document_over_the_limit_is_a_413_problem_and_nothing_is_stored()
    {
        var before = Directory.Exists(host.DocumentStorePath) ? Directory.GetFiles(host.DocumentStorePath, "*", SearchOption.AllDirectories).Length : 0;
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[IngestHost.MaxDocumentBytes + 1]), "file", "big.bin" } };

        var response = await host.CreateClient().PostAsync("/v1/documents", form);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "Document too large");
        var after = Directory.Exists(host.DocumentStorePath) ? Directory.GetFiles(host.DocumentStorePath, "*", SearchOption.AllDirectories).Length : 0;
        Assert.Equal(before, after);
    }

    private static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

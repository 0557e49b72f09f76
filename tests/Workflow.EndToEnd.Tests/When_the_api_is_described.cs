using System.Net;
using System.Text.Json;

namespace Workflow.EndToEnd.Tests;

/// <summary>The public API describes itself: one OpenAPI 3.1 document at the public address, and an interactive page over it.</summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_the_api_is_described(RunningWorkflow workflow)
{
    private static readonly (string Path, string Method)[] Operations =
    [
        ("/v1/documents", "post"), ("/v1/documents", "get"), ("/v1/documents/{documentId}", "get"), ("/v1/documents/{documentId}/timeline", "get"),
        ("/v1/reviews", "get"), ("/v1/reviews/{documentId}", "get"), ("/v1/reviews/{documentId}/decision", "post"),
        ("/v1/routing-rules", "get"),
        ("/v1/webhooks", "post"), ("/v1/webhooks", "get"), ("/v1/webhooks/{id}", "get"), ("/v1/webhooks/{id}", "delete"),
        ("/v1/webhooks/{id}/deliveries", "get"), ("/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver", "post"),
        ("/v1/webhooks/callbacks/secret", "get"), ("/v1/webhooks/callbacks/secret", "post"),
        ("/v1/webhooks/callbacks/deliveries", "get"), ("/v1/webhooks/callbacks/deliveries/{deliveryId}/redeliver", "post"),
    ];

    [Fact]
    public async Task One_openapi_31_document_covers_every_public_endpoint_its_errors_headers_and_auth()
    {
        using var anonymous = workflow.ClientWith(null);

        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal(Operations.Select(o => o.Path).Distinct().Order(), paths.EnumerateObject().Select(p => p.Name).Order());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        foreach (var (path, method) in Operations)
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _) && responses.TryGetProperty("429", out _),
                $"{method} {path} describes 401, 403 and 429");
            Assert.True(operation.TryGetProperty("security", out _), $"{method} {path} names its security");
            Assert.Contains(responses.EnumerateObject(), r => r.Name.StartsWith('2') &&
                r.Value.TryGetProperty("headers", out var headers) && headers.TryGetProperty("X-RateLimit-Remaining", out _));
        }

        var upload = paths.GetProperty("/v1/documents").GetProperty("post");
        Assert.Contains(upload.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal(["application/json", "multipart/form-data"],
            upload.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name).Order());
        Assert.True(upload.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(upload.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("DocumentView", out _));

        var page = await anonymous.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// Thousands of malformed requests (wrong methods, junk ids and queries, random bodies under
/// every content type, wrong JSON shapes, odd headers) at every public endpoint through the
/// public address: never a 5xx, every service still ready afterwards, and no document created
/// but those the API accepted.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_the_api_is_fuzzed(RunningWorkflow workflow)
{
    private const int Requests = 3000;

    private static readonly string[] Paths =
    [
        "/v1/documents", "/v1/documents/{id}", "/v1/documents/{id}/timeline", "/v1/documents?{q}",
        "/v1/reviews?{q}", "/v1/reviews/{id}", "/v1/reviews/{id}/decision",
        "/v1/webhooks", "/v1/webhooks/{id}", "/v1/webhooks/{id}/deliveries?{q}", "/v1/webhooks/{id}/deliveries/{id}/redeliver",
        "/v1/webhooks/callbacks/secret", "/v1/webhooks/callbacks/deliveries?{q}", "/v1/webhooks/callbacks/deliveries/{id}/redeliver",
        "/v1/routing-rules",
    ];

    private static readonly string[] Parameters = ["status", "limit", "offset", "category", "createdFrom", "createdTo", "max", "documentId"];

    private static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-16", "multipart/form-data; boundary=fuzz", "multipart/form-data",
        "text/plain", "application/x-www-form-urlencoded", "application/octet-stream", "not a type", null,
    ];

    private static readonly string[] JsonShapes =
    [
        """{"fileName":{0},"contentType":{1},"contentBase64":{2},"source":{3}}""",
        """{"decision":{0},"department":{1},"category":{2},"reviewer":{3}}""",
        """{"url":{0},"eventTypes":[{1},{2}],"secret":{3}}""",
        """[{0},{1},{2},{3}]""",
        """{"fileName":{0}""",
    ];

    private static readonly Gen<string> Junk = Gen.OneOf(
        Gen.String, Gen.Int.Select(i => i.ToString()), Gen.Long.Select(l => l.ToString()), Gen.Guid.Select(g => g.ToString()),
        Gen.OneOf("", "-1", "0", "999999999999", "null", "%00", "../../etc/passwd", "2026-13-45", "Completed", "approve", "reject", "*",
            "http://169.254.169.254/latest", "aGVsbG8=", "!!notbase64!!", new string('a', 5000)));

    private static readonly Gen<string> JsonValue = Gen.OneOf(
        Junk.Select(s => System.Text.Json.JsonSerializer.Serialize(s)), Gen.Int.Select(i => i.ToString()), Gen.OneOf("null", "true", "{}", "[]", "1e999"));

    /// <summary>Well-formed uploads of random bytes now and then (some with a reused key), so the accepted path is fuzzed too.</summary>
    private static readonly Gen<FuzzRequest> ValidUpload =
        from name in Gen.String[Gen.Char.AlphaNumeric, 1, 20]
        from content in Gen.Byte.Array[1, 500]
        from key in Gen.OneOf(Gen.Const(() => (string?)null), Gen.Int[0, 20].Select(i => (string?)$"fuzz-key-{i}"))
        select new FuzzRequest("POST", "/v1/documents", "application/json", Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
            new { fileName = name + ".txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(content) })), key);

    private static readonly Gen<FuzzRequest> MalformedRequest =
        from method in Gen.OneOf("GET", "POST", "DELETE", "PUT", "PATCH")
        from path in Gen.OneOf(Paths)
        from ids in Gen.OneOf(Gen.Guid.Select(g => g.ToString()), Junk.Select(Uri.EscapeDataString)).Array[2]
        from query in Gen.Select(Gen.OneOf(Parameters), Junk).Array[0, 4]
        from contentType in Gen.OneOf(ContentTypes)
        from body in Gen.OneOf(
            Gen.Byte.Array[0, 3000],
            Gen.Select(Gen.OneOf(JsonShapes), JsonValue.Array[4]).Select((shape, v) => Encoding.UTF8.GetBytes(
                shape.Replace("{0}", v[0]).Replace("{1}", v[1]).Replace("{2}", v[2]).Replace("{3}", v[3]))),
            Gen.Const<byte[]>(Array.Empty<byte>()))
        from idempotencyKey in Gen.OneOf(Gen.Const(() => (string?)null), Junk.Select(k => (string?)k))
        select new FuzzRequest(method, Fill(path, ids, query), contentType, body, idempotencyKey);

    private static readonly Gen<FuzzRequest> Request = Gen.Frequency((9, MalformedRequest), (1, ValidUpload));

    [Fact]
    public async Task No_request_gets_a_5xx_every_service_stays_ready_and_only_accepted_uploads_exist()
    {
        var key = await workflow.CreateKeyAsync("fuzz", "submitter", "reviewer", "auditor", "admin");
        using var api = workflow.ClientWith(key);
        var accepted = 0;

        await Request.SampleAsync(async request =>
        {
            using var message = request.ToMessage();
            using var response = await api.SendAsync(message);
            if ((int)response.StatusCode >= 500)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} for {request}: {await response.Content.ReadAsStringAsync()}");
            }

            if (request.Method == "POST" && request.Path == "/v1/documents" && response.StatusCode == HttpStatusCode.Accepted
                && !response.Headers.Contains("Idempotent-Replayed"))
            {
                Interlocked.Increment(ref accepted);
            }
        }, iter: Requests, threads: 4);

        using var probe = new HttpClient();
        foreach (var service in RunningWorkflow.Services)
        {
            Assert.True((await probe.GetAsync(new Uri(workflow.ServiceAddress(service), "/health/ready"))).IsSuccessStatusCode, $"{service} is not ready after the fuzzing");
        }

        Assert.True(accepted > 0, "some uploads were well-formed and accepted");
        Assert.Equal(accepted, await workflow.DatabaseOf("ingest").CountAsync("SELECT COUNT(*) FROM Documents WHERE TenantId = 'fuzz'"));
    }

    private static string Fill(string template, string[] ids, (string Name, string Value)[] query)
    {
        var path = template;
        foreach (var id in ids)
        {
            var at = path.IndexOf("{id}", StringComparison.Ordinal);
            path = at < 0 ? path : path[..at] + id + path[(at + 4)..];
        }

        return path.Replace("{q}", string.Join('&', query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}")), StringComparison.Ordinal);
    }

    public sealed record FuzzRequest(string Method, string Path, string? ContentType, byte[] Body, string? IdempotencyKey)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Body.Length > 0 || ContentType is not null)
            {
                message.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            if (IdempotencyKey is not null)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
            }

            return message;
        }

        public override string ToString() =>
            $"{Method} {Path} ({ContentType ?? "no content type"}, {Body.Length} bytes: {Encoding.UTF8.GetString(Body.AsSpan(0, Math.Min(Body.Length, 200)))})";
    }
}

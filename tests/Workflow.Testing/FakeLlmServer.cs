using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Testing;

/// <summary>
/// An LLM vendor stand-in: a real HTTP server on loopback speaking the OpenAI chat-completions
/// wire format. It records every request and answers as the test says (content, a status with
/// Retry-After, or a delay longer than the client's timeout).
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private FakeLlmServer(WebApplication app, int port)
    {
        _app = app;
        Endpoint = new Uri($"http://127.0.0.1:{port}/v1");
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<(DateTimeOffset At, JsonElement Body)> Requests { get; } = new();

    /// <summary>The answer to the n-th call (1-based) given its request body.</summary>
    public Func<int, JsonElement, LlmReply> Reply { get; set; } = (_, _) => LlmReply.Content("{}");

    public static async Task<FakeLlmServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeLlmServer(app, port);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The text of the request's messages with a role (system, user…).</summary>
    public static IEnumerable<string> Messages(JsonElement request, string role) =>
        request.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == role)
            .Select(m => m.GetProperty("content") is { ValueKind: JsonValueKind.String } text
                ? text.GetString()!
                : string.Concat(m.GetProperty("content").EnumerateArray().Select(p => p.GetProperty("text").GetString())));

    private async Task<IResult> CompleteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: cancellationToken);
        Requests.Enqueue((DateTimeOffset.UtcNow, body));
        var reply = Reply(Interlocked.Increment(ref _calls), body);
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, cancellationToken);
        }

        if (reply.RetryAfterSeconds is { } seconds)
        {
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (reply.Status != StatusCodes.Status200OK)
        {
            return Results.Json(new { error = new { message = "fake failure", type = "server_error" } }, statusCode: reply.Status);
        }

        return Results.Json(new
        {
            id = $"chatcmpl-{_calls}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model = body.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Text }, finish_reason = "stop" } },
            usage = new { prompt_tokens = reply.InputTokens, completion_tokens = reply.OutputTokens, total_tokens = reply.InputTokens + reply.OutputTokens },
        });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record LlmReply(int Status, string Text, int? RetryAfterSeconds = null, TimeSpan Delay = default, int InputTokens = 250, int OutputTokens = 30)
{
    public static LlmReply Content(string text) => new(200, text);
}

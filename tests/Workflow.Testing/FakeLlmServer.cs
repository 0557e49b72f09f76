using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workflow.Testing;

/// <summary>
/// An LLM vendor stand-in: a real HTTP server on loopback speaking two wire formats, OpenAI's
/// chat completions (<c>POST /v1/chat/completions</c>) and Anthropic's Messages API
/// (<c>POST /v1/messages</c>). It records every request and answers as the test says (content,
/// a status with Retry-After, or a delay longer than the client's timeout).
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _calls;

    private FakeLlmServer()
    {
    }

    /// <summary>The base URL an OpenAI client takes (it adds <c>/chat/completions</c>).</summary>
    public Uri OpenAiEndpoint => new(AnthropicEndpoint, "v1");

    /// <summary>The base URL Anthropic's SDK takes (it adds <c>/v1/messages</c>).</summary>
    public Uri AnthropicEndpoint { get; private set; } = null!;

    public ConcurrentQueue<(DateTimeOffset At, JsonElement Body)> Requests { get; } = new();

    /// <summary>The answer to the n-th call (1-based) given its request body.</summary>
    public Func<int, JsonElement, LlmReply> Reply { get; set; } = (_, _) => LlmReply.Content("{}");

    public static async Task<FakeLlmServer> StartAsync()
    {
        var server = new FakeLlmServer();
        (server._app, server.AnthropicEndpoint) = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", server.CompleteChatAsync);
            app.MapPost("/v1/messages", server.CreateMessageAsync);
        });
        return server;
    }

    /// <summary>
    /// The text of the request's messages with a role (system, user…), in either wire format
    /// (Anthropic's system prompt is a top-level field, not a message).
    /// </summary>
    public static IEnumerable<string> Messages(JsonElement request, string role)
    {
        if (role == "system" && request.TryGetProperty("system", out var system))
        {
            return [TextOf(system)];
        }

        return request.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("role").GetString() == role)
            .Select(m => TextOf(m.GetProperty("content")));
    }

    private static string TextOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));

    private async Task<(JsonElement Body, LlmReply Reply, IResult? Failure)> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
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

        var failure = reply.Status == StatusCodes.Status200OK
            ? null
            : Results.Json(new { type = "error", error = new { message = "fake failure", type = reply.Status == 429 ? "rate_limit_error" : "api_error" } }, statusCode: reply.Status);
        return (body, reply, failure);
    }

    private async Task<IResult> CreateMessageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, reply, failure) = await ReceiveAsync(request, cancellationToken);
        return failure ?? Results.Json(new
        {
            id = $"msg_{_calls}",
            type = "message",
            role = "assistant",
            model = body.GetProperty("model").GetString(),
            content = new[] { new { type = "text", text = reply.Text } },
            stop_reason = "end_turn",
            stop_sequence = (string?)null,
            usage = new { input_tokens = reply.InputTokens, output_tokens = reply.OutputTokens },
        });
    }

    private async Task<IResult> CompleteChatAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, reply, failure) = await ReceiveAsync(request, cancellationToken);
        return failure ?? Results.Json(new
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

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Workflow.Testing;

/// <summary>
/// A customer's webhook endpoint: a real HTTP server on loopback that records what it receives
/// and answers as told (e.g. 429 with Retry-After, 500, or a slow answer).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _calls;

    private WebhookReceiver()
    {
    }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The answer to the n-th call (1-based); 204 when not set.</summary>
    public Func<int, WebhookAnswer> Answer { get; set; } = _ => WebhookAnswer.Ok;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        (receiver._app, var address) = await LoopbackHttpServer.StartAsync(app => app.MapPost("/hooks/workflow", receiver.HandleAsync));
        receiver.Url = new Uri(address, "/hooks/workflow").ToString();
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var call = Interlocked.Increment(ref _calls);
        Received.Enqueue(new ReceivedWebhook(
            request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
            request.Headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow));
        var answer = Answer(call);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay);
        }

        if (answer.RetryAfterSeconds is { } seconds)
        {
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.StatusCode(answer.Status);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record WebhookAnswer(int Status, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static readonly WebhookAnswer Ok = new(204);
}

public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At)
{
    /// <summary>
    /// Verifies the Standard Webhooks signature the way a receiver would, written independently of
    /// the product's signer: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the secret's key.
    /// </summary>
    public bool IsSignedWith(string secret)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Id}.{Timestamp}.{Body}")));
        return Signature.Split(' ').Any(s => s == "v1," + expected);
    }

    public bool IsFresh(TimeSpan tolerance) =>
        long.TryParse(Timestamp, out var seconds) && (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() < tolerance;
}

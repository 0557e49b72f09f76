using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Workflow.Testing;

/// <summary>
/// Talks to RabbitMQ the way a client outside .NET would: plain JSON bodies, no MassTransit.
/// Also reads what lands in queues (published events, error queues) for assertions.
/// </summary>
public sealed class RawBrokerClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private IChannel _channel;
    private IChannel? _questions;

    private RawBrokerClient(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<RawBrokerClient> ConnectAsync(string connectionString)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        return new RawBrokerClient(connection, await connection.CreateChannelAsync());
    }

    public async Task PublishJsonAsync(string exchange, string json, string? messageId = null, IDictionary<string, object?>? headers = null)
    {
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            MessageId = messageId ?? Guid.NewGuid().ToString(),
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
        await _channel.BasicPublishAsync(exchange, "", mandatory: false, properties, Encoding.UTF8.GetBytes(json));
    }

    public Task PublishJsonAsync(string exchange, object message, string? messageId = null, IDictionary<string, object?>? headers = null) =>
        PublishJsonAsync(exchange, JsonSerializer.Serialize(message, JsonSerializerOptions.Web), messageId, headers);

    /// <summary>Binds one exchange to another, as an earlier version's topology may have left it.</summary>
    public Task BindExchangeAsync(string source, string destination) => _channel.ExchangeBindAsync(destination, source, "");

    public Task UnbindExchangeAsync(string source, string destination) => _channel.ExchangeUnbindAsync(destination, source, "");

    /// <summary>
    /// Publishes an internal event the way a Workflow service does: a MassTransit envelope on the
    /// event's exchange (<c>workflow.document-classified</c> carries <c>DocumentClassified</c>).
    /// </summary>
    public async Task PublishEventAsync(string exchange, object message, string? messageId = null, IDictionary<string, object?>? headers = null)
    {
        var id = messageId ?? Guid.NewGuid().ToString();
        var contract = string.Concat(exchange["workflow.".Length..].Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        var envelope = new Dictionary<string, object>
        {
            ["messageId"] = id,
            ["messageType"] = new[] { $"urn:message:Workflow.Contracts:{contract}" },
            ["message"] = message,
            ["sentTime"] = DateTime.UtcNow,
        };
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = id, DeliveryMode = DeliveryModes.Persistent, Headers = headers };
        await _channel.BasicPublishAsync(exchange, "", mandatory: false, properties,
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web)));
    }

    /// <summary>
    /// Waits until everything published to an exchange before now has reached a capture: a
    /// sentinel published now arrives after every message confirmed before it.
    /// </summary>
    public async Task BarrierAsync(string exchange, ConcurrentQueue<ReceivedMessage> captured)
    {
        var sentinel = "barrier-" + Guid.NewGuid().ToString("N");
        await PublishJsonAsync(exchange, new { barrier = sentinel });
        await Eventually.MatchesAsync(() => Task.FromResult(captured.Any(m => m.Body.Contains(sentinel))), seen => seen,
            TimeSpan.FromSeconds(30), "the barrier message");
    }

    /// <summary>Binds a private queue to an exchange and collects every message published to it from now on.</summary>
    public async Task<ConcurrentQueue<ReceivedMessage>> CaptureAsync(string exchange)
    {
        // The exchange may not exist before the first service binds it; fanout is what MassTransit declares.
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        var queue = await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await _channel.QueueBindAsync(queue.QueueName, exchange, "");
        var received = new ConcurrentQueue<ReceivedMessage>();
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            received.Enqueue(ReceivedMessage.From(delivery.BasicProperties, delivery.Body));
            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return received;
    }

    /// <summary>Takes one message from a queue, or null when it is empty or does not exist yet.</summary>
    public async Task<ReceivedMessage?> TakeAsync(string queue)
    {
        try
        {
            var result = await _channel.BasicGetAsync(queue, autoAck: true);
            return result is null ? null : ReceivedMessage.From(result.BasicProperties, result.Body);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // Asking for a queue that does not exist yet closes the channel: open another.
            await _channel.DisposeAsync();
            _channel = await _connection.CreateChannelAsync();
            return null;
        }
    }

    /// <summary>
    /// How many messages wait in a queue, not counting those delivered to a consumer and not yet
    /// acknowledged; null when there is no such queue. Asked on a channel of its own, kept for the
    /// next question (it is polled), since a missing queue closes the channel that asked and the
    /// captures' channel must stay open.
    /// </summary>
    public async Task<uint?> WaitingInAsync(string queue)
    {
        if (_questions is not { IsOpen: true })
        {
            if (_questions is not null)
            {
                await _questions.DisposeAsync();
            }

            _questions = await _connection.CreateChannelAsync();
        }

        try
        {
            return (await _questions.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_questions is not null)
        {
            await _questions.DisposeAsync();
        }

        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <param name="ReceivedAt">When it arrived, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
public sealed record ReceivedMessage(string Body, IReadOnlyDictionary<string, string> Headers, long ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    internal static ReceivedMessage From(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body) => new(
        Encoding.UTF8.GetString(body.Span),
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? ""),
        System.Diagnostics.Stopwatch.GetTimestamp());
}

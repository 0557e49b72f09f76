using System.Text;
using MassTransit;
using RabbitMQ.Client;

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// Lists and re-drives the messages MassTransit moved to this service's <c>{queue}_error</c>
/// queues (after the last retry, or at once when the message itself is invalid). Re-driving
/// sends a message back to the queue it failed on, without its fault headers; run it once the
/// cause is fixed. Talks to RabbitMQ directly: MassTransit has no API for its error queues.
/// </summary>
public sealed class FailedMessageQueues(string brokerConnectionString, ServiceQueues queues)
{
    private const string FaultHeaderPrefix = "MT-Fault-";

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var found = new List<FailedMessage>();
        foreach (var queue in queues.Names)
        {
            // Taken without acknowledgement: closing the channel puts every message back.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            BasicGetResult? result;
            while (found.Count < max && (result = await TryGetAsync(channel, queue + "_error", cancellationToken)) is not null)
            {
                found.Add(Describe(queue, result));
            }
        }

        return found;
    }

    /// <summary>Moves failed messages (all, or the one with <paramref name="messageId"/>) back to their queues.</summary>
    public async Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var moved = 0;
        foreach (var queue in queues.Names)
        {
            await using var channel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            BasicGetResult? result;
            while ((result = await TryGetAsync(channel, queue + "_error", cancellationToken)) is not null)
            {
                if (messageId is not null && !string.Equals(result.BasicProperties.MessageId, messageId, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // Left unacknowledged: it returns to the error queue when the channel closes.
                }

                var properties = new BasicProperties(result.BasicProperties)
                {
                    Headers = result.BasicProperties.Headers?
                        .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != "MT-Reason")
                        .ToDictionary(h => h.Key, h => h.Value),
                };
                // Confirmed by the broker before the failed copy is removed: nothing is lost in between.
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, result.Body, cancellationToken);
                await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(brokerConnectionString) }.CreateConnectionAsync(cancellationToken);

    private static async Task<BasicGetResult?> TryGetAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null; // No such error queue: nothing ever failed there.
        }
    }

    private static FailedMessage Describe(string queue, BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
        string? Header(string name) => headers.TryGetValue(name, out var value)
            ? value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString()
            : null;
        return new FailedMessage(queue, result.BasicProperties.MessageId, Header(MessageHeaders.MessageType) ?? EnvelopeType(result.Body),
            Header("MT-Fault-Message"), Header("MT-Fault-ExceptionType"), Header("MT-Fault-Timestamp"));
    }

    /// <summary>A MassTransit envelope names its message type in the body; a raw message names none.</summary>
    private static string? EnvelopeType(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("messageType", out var types) && types.GetArrayLength() > 0 ? types[0].GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

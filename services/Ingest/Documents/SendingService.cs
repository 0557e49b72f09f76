using System.Text;
using MassTransit;
using Workflow.ServiceDefaults.Messaging;

namespace Workflow.Ingest.Documents;

/// <summary>Which Workflow service published a message, as the timeline names it; null for anyone else's.</summary>
public static class SendingService
{
    private const string Prefix = "Workflow.";

    /// <summary>
    /// The <see cref="MessagingExtensions.PublisherHeader"/> every service stamps on what it
    /// publishes (the same name its upload filter routes by); for a message from a version before
    /// the header, still in a queue during an upgrade, its host's assembly: <c>Workflow.Classify</c> → <c>classify</c>.
    /// </summary>
    public static string? Of(ConsumeContext context) =>
        Publisher(context.Headers) ?? Publisher(context.ReceiveContext.TransportHeaders) ?? Of(context.Host);

    /// <summary>
    /// In MassTransit's envelope (a Workflow service), or on the AMQP message alone (a client that
    /// publishes without MassTransit), where RabbitMQ's string type arrives as bytes.
    /// </summary>
    private static string? Publisher(Headers headers) => headers.Get<object>(MessagingExtensions.PublisherHeader) switch
    {
        string { Length: > 0 } publisher => publisher,
        byte[] { Length: > 0 } publisher => Encoding.UTF8.GetString(publisher),
        _ => null,
    };

    /// <summary>By a host's assembly alone, as a fault names the service where it happened.</summary>
    public static string? Of(HostInfo? host) =>
        host?.Assembly is { } assembly && assembly.StartsWith(Prefix, StringComparison.Ordinal) && assembly.Length > Prefix.Length
            ? assembly[Prefix.Length..].ToLowerInvariant()
            : null;
}

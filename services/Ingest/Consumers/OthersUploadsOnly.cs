using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Messaging;

namespace Workflow.Ingest.Consumers;

/// <summary>
/// Ingest's upload queue hears only the <see cref="DocumentUploaded"/> events other clients
/// publish. An API upload is recorded before its event goes out, so handing that event back to
/// ingest was a delivery with nothing to do: one in nine per document (measured: 0.2–0.5 ms of
/// ingest's and about 0.3 ms of RabbitMQ's CPU per document).
/// RabbitMQ routes by header but cannot match a header's absence, so the queue's exchange is fed
/// through a headers exchange whose one binding takes what <paramref name="self"/> published
/// (<see cref="MessagingExtensions.PublisherHeader"/>) to an exchange bound to nothing, and whose
/// alternate exchange, where RabbitMQ sends what no binding matched, is the queue's own.
/// Declared on every channel the endpoint opens, before MassTransit declares the queue and
/// consumes; the queue's direct binding of earlier versions is removed.
/// </summary>
/// <param name="queue">Ingest's upload queue (and its exchange).</param>
/// <param name="self">The name ingest publishes under.</param>
public sealed class OthersUploadsOnly(string queue, string self) : IFilter<ChannelContext>
{
    private string Filter => queue + "-from-others";

    /// <summary>Where ingest's own uploads go: an exchange with no bindings, so nowhere.</summary>
    private string Own => queue + "-own";

    public async Task Send(ChannelContext context, IPipe<ChannelContext> next)
    {
        var channel = context.Channel;
        var cancel = context.CancellationToken;
        var uploads = WorkflowEntityNameFormatter.For(typeof(DocumentUploaded));

        // Declared as MassTransit declares them, so whichever comes first, the other agrees.
        await channel.ExchangeDeclareAsync(uploads, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancel);
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancel);
        await channel.ExchangeDeclareAsync(Own, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancel);
        await channel.ExchangeDeclareAsync(Filter, ExchangeType.Headers, durable: true, autoDelete: false,
            new Dictionary<string, object?> { ["alternate-exchange"] = queue }, cancellationToken: cancel);

        await channel.ExchangeBindAsync(Own, Filter, "",
            new Dictionary<string, object?> { ["x-match"] = "all", [MessagingExtensions.PublisherHeader] = self }, cancellationToken: cancel);
        await channel.ExchangeBindAsync(Filter, uploads, "", cancellationToken: cancel);
        await channel.ExchangeUnbindAsync(queue, uploads, "", cancellationToken: cancel);

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("others-uploads-only");
}

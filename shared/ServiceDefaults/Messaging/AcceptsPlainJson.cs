using MassTransit;

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// Marks a consumer's queue as a public entry point that also accepts plain JSON bodies
/// (content type <c>application/json</c>) from clients outside .NET, read as the one message
/// type the consumer takes. Only for queues with a single message type: a plain body carries no
/// type, so on a queue with several (a saga's) it would be read as each of them.
/// </summary>
public sealed class AcceptsPlainJson<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType | RawSerializerOptions.AddTransportHeaders, isDefault: false);
}

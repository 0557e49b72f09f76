using Workflow.Testing;

namespace Workflow.Reliability.Tests;

[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "broker";
}

using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>The whole system on a broker that can be stopped and started again on the same port.</summary>
public sealed class RunningWorkflowOnAFixedBrokerPort() : RunningWorkflow(RabbitMqBroker.OnFixedPort(FreePort.Next()));

[CollectionDefinition(Name)]
public sealed class BrokerOutageCollection : ICollectionFixture<RunningWorkflowOnAFixedBrokerPort>
{
    public const string Name = "broker outage";
}

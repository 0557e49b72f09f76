using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;

namespace Workflow.ServiceDefaults.Messaging.Durable.Sagas;

public static class EfSagaRepositoryExtensions
{
    /// <summary>Persists the saga in the service's own database, in the consumer's unit of work.</summary>
    public static ISagaRegistrationConfigurator<TSaga> ServiceDatabaseRepository<TSaga>(this ISagaRegistrationConfigurator<TSaga> configurator)
        where TSaga : class, ISagaVersion
    {
        configurator.Repository(r => r.RegisterSagaRepository<TSaga, ServiceDbContext, SagaConsumeContextFactory<ServiceDbContext, TSaga>,
            EfSagaRepositoryContextFactory<TSaga>>());
        return configurator;
    }
}

using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Workflow.ServiceDefaults.Messaging.Durable.Sagas;

/// <summary>
/// Saga persistence in the service's own database, joining the consumer's unit of work: the
/// instance is loaded and changed through the same scoped <see cref="ServiceDbContext"/> that the
/// <see cref="TransactionalConsumeFilter{T}"/> commits, together with the inbox row and the
/// events the saga put in the outbox. Optimistic concurrency through <see cref="ISagaVersion"/>.
/// (MassTransit's own EF Core add-on is not available to us; this implements its public contract.)
/// </summary>
public sealed class EfSagaRepositoryContextFactory<TSaga>(ServiceDbContext db, ISagaConsumeContextFactory<ServiceDbContext, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    public void Probe(ProbeContext context) => context.Add("persistence", "entity-framework-unit-of-work");

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new EfSagaRepositoryContext<TSaga, T>(db, context, factory));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var repositoryContext = new EfSagaRepositoryContext<TSaga, T>(db, context, factory);
        var instances = await db.Set<TSaga>().Where(query.FilterExpression).ToListAsync(context.CancellationToken);
        await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
    }
}

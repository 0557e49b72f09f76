namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// A queue whose consumer commits its own units of work (with the same inbox and outbox), so the
/// <see cref="TransactionalConsumeFilter{T}"/> is not put in front of it. Registered as a
/// singleton by the service that owns the queue.
/// </summary>
public sealed record OwnUnitOfWork(string Queue);

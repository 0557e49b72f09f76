using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Notify.Deliveries;

/// <summary>Wakes the dispatcher when deliveries have been committed, so a notification does not wait for the next poll.</summary>
public sealed class DeliverySignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>After a save that added deliveries (outside an explicit transaction: that is the commit), wakes the dispatcher.</summary>
public sealed class DeliveryCommitInterceptor(DeliverySignal signal) : AfterCommitInterceptor
{
    protected override void Saving(DbContext context)
    {
        if (context is NotifyDbContext notify)
        {
            notify.AddsDeliveries = notify.ChangeTracker.Entries<Delivery>().Any(e => e.State == EntityState.Added);
        }
    }

    protected override void Committed(DbContext context)
    {
        if (context is NotifyDbContext { AddsDeliveries: true } notify)
        {
            notify.AddsDeliveries = false;
            signal.Wake();
        }
    }
}

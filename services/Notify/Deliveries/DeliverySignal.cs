using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Notify.Data;

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
public sealed class DeliveryCommitInterceptor(DeliverySignal signal) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeIfAdded(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfAdded(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private static void Note(DbContext? context)
    {
        if (context is NotifyDbContext notify)
        {
            notify.AddsDeliveries = notify.ChangeTracker.Entries<Delivery>().Any(e => e.State == EntityState.Added);
        }
    }

    private void WakeIfAdded(DbContext? context)
    {
        if (context is NotifyDbContext { AddsDeliveries: true } notify && context.Database.CurrentTransaction is null)
        {
            notify.AddsDeliveries = false;
            signal.Wake();
        }
    }
}

using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Signals the relay after a save that committed outbox rows. Outbox rows are only ever tracked
/// because they were just added (the relay reads them untracked), so any tracked row means new work.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.ChangeTracker.Entries<OutboxMessage>().Any() == true)
        {
            signal.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }
}

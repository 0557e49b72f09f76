using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// After a save has committed outbox rows, hands them to the relay. Outbox rows are only ever
/// tracked because they were just added (the relay works untracked), so every tracked row is new.
/// Inside an explicit transaction the save is not yet the commit: the rows are left for the
/// relay's sweep once their lease runs out.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxHandoff handoff) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        HandOver(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        HandOver(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private void HandOver(DbContext? context)
    {
        if (context is null || context.Database.CurrentTransaction is not null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            handoff.Committed(entry.Entity);
            entry.State = EntityState.Detached;
        }
    }
}

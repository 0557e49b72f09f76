using Microsoft.EntityFrameworkCore;
using Workflow.ServiceDefaults.Data;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// After a save has committed outbox rows, hands them to the relay. Outbox rows are only ever
/// tracked because they were just added (the relay works untracked), so every tracked row is new.
/// Inside an explicit transaction the save is not yet the commit: the rows are left for the
/// relay's sweep once their lease runs out.
/// </summary>
public sealed class OutboxCommitInterceptor(OutboxHandoff handoff) : AfterCommitInterceptor
{
    protected override void Committed(DbContext context)
    {
        // The save has just detected every change.
        using var _ = context.ChangeTracker.Pause();
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            handoff.Committed(entry.Entity);
            entry.State = EntityState.Detached;
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workflow.ServiceDefaults.Data;

/// <summary>
/// Acts once a SaveChanges has committed: <see cref="Saving"/> sees the changes before they are
/// saved (after the save, added entries are no longer marked added), <see cref="Committed"/> runs
/// after a save that was its own transaction. Inside an explicit transaction the save is not yet
/// the commit, so <see cref="Committed"/> is not called.
/// </summary>
public abstract class AfterCommitInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        WhenSaving(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        WhenSaving(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WhenSaved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WhenSaved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    /// <summary>Before the save: note what it adds.</summary>
    protected virtual void Saving(DbContext context)
    {
    }

    /// <summary>After the save, which was the commit.</summary>
    protected abstract void Committed(DbContext context);

    private void WhenSaving(DbContext? context)
    {
        if (context is not null)
        {
            Saving(context);
        }
    }

    private void WhenSaved(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Committed(context);
        }
    }
}

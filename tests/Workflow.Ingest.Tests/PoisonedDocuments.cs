using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Ingest.Timeline;

namespace Workflow.Ingest.Tests;

/// <summary>
/// A fault only the tests can set: any save that records a timeline entry of a poisoned document
/// fails, as a save would whose event cannot be applied. It notes how many entries each failed save
/// held, so a test can tell a failed group from an event that failed alone. Empty, it does nothing.
/// </summary>
public sealed class PoisonedDocuments : SaveChangesInterceptor
{
    private readonly ConcurrentDictionary<Guid, byte> _poisoned = new();

    /// <summary>How many timeline entries each failed save held.</summary>
    public ConcurrentQueue<int> FailedSaves { get; } = new();

    public void Poison(Guid documentId) => _poisoned[documentId] = 0;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_poisoned.IsEmpty && eventData.Context is { } context)
        {
            var entries = context.ChangeTracker.Entries<TimelineEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.DocumentId).ToList();
            if (entries.Any(_poisoned.ContainsKey))
            {
                FailedSaves.Enqueue(entries.Count);
                throw new InvalidOperationException("This document is poisoned by the test: its status events cannot be saved.");
            }
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Route.Data;
using Workflow.Route.Routing;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Messaging.Durable.Sagas;

namespace Workflow.Route.StateMachines;

/// <summary>Finds documents whose review deadline (first or escalation) has passed and tells their routing state machine.</summary>
public sealed class ReviewDeadlineSweeper(
    IServiceScopeFactory scopes, IOptionsMonitor<RoutingOptions> options, TimeProvider clock, ILogger<ReviewDeadlineSweeper> logger)
    : DeadlineSweeper(scopes, clock, logger)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.CurrentValue.DeadlineSweepInterval;

    protected override async Task<int> SweepAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<RouteDbContext>();
        var outbox = services.GetRequiredService<EventOutbox>();
        var due = await db.Routings
            .Where(r => DocumentRoutingStateMachine.WaitingForReview.Contains(r.CurrentState) && r.ReviewDeadline != null && r.ReviewDeadline <= now)
            .OrderBy(r => r.ReviewDeadline)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var state in due)
        {
            var deadline = state.ReviewDeadline!.Value;
            outbox.Publish(new ReviewDeadlinePassed { DocumentId = state.CorrelationId, Deadline = deadline },
                DeterministicMessageId.For(state.CorrelationId, deadline, nameof(ReviewDeadlinePassed)));
            state.ReviewDeadline = null;
            state.Version++;
        }

        return due.Count;
    }
}

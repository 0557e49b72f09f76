using Microsoft.EntityFrameworkCore;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.ServiceDefaults.Http;

namespace Workflow.Notify.Apis;

/// <summary>Reading and re-driving deliveries, the same for a subscription's log and for a tenant's callbacks.</summary>
public static class DeliveryLog
{
    /// <param name="status"><c>pending</c>, <c>delivered</c> or <c>dead</c>; all when absent.</param>
    public static async Task<IResult> ListAsync(
        IQueryable<Delivery> deliveries, string? status, int? limit, int? offset, CancellationToken cancellationToken)
    {
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["One of: pending, delivered, dead."] });
            }

            wanted = parsed;
        }

        var (paging, invalid) = Paging.Read(limit, offset);
        if (invalid is not null)
        {
            return invalid;
        }

        var page = await deliveries.AsNoTracking().Include(d => d.AttemptLog)
            .Where(d => wanted == null || d.Status == wanted)
            .OrderByDescending(d => d.CreatedAt).Skip(paging.Offset).Take(paging.Limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(paging.Of(page.Select(DeliveryView.From).ToList()));
    }

    /// <summary>A dead delivery gets a new round of attempts, starting now; any other is a conflict.</summary>
    public static async Task<IResult> RedeliverAsync(
        Delivery delivery, NotifyDbContext db, DeliverySignal signal, DeliveryOptions options, TimeProvider clock, string logUrl,
        CancellationToken cancellationToken)
    {
        if (delivery.Status != DeliveryStatus.Dead)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Delivery is not dead",
                detail: $"Delivery {delivery.Id} is {delivery.Status.ToString().ToLowerInvariant()}; only dead deliveries can be re-driven.");
        }

        delivery.Status = DeliveryStatus.Pending;
        delivery.NextAttemptAt = clock.GetUtcNow();
        delivery.AttemptsAllowed = delivery.Attempts + options.MaxAttempts;
        delivery.FinishedAt = null;
        delivery.Version++;
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return TypedResults.Accepted(logUrl, DeliveryView.From(delivery));
    }
}

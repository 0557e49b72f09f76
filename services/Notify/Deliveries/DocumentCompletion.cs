using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Notify.Data;
using Workflow.Notify.Email;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Notify.Deliveries;

/// <summary>
/// A document is complete when every delivery its routing needed is delivered or dead: then
/// <see cref="DocumentCompleted"/> is committed with the last outcome, and subscribers of
/// <c>document.completed</c> get their own deliveries.
/// </summary>
public sealed class DocumentCompletion(EventOutbox outbox, DeliveryPlanner planner, TimeProvider clock)
{
    /// <summary>Completes the document if nothing (more) is outstanding; not saved here.</summary>
    public async Task CompleteIfFinishedAsync(DocumentNotice notice, CancellationToken cancellationToken)
    {
        if (notice.CompletedAt is not null || !notice.AllFinished)
        {
            return;
        }

        notice.CompletedAt = clock.GetUtcNow();
        notice.Version++;
        var completed = new DocumentCompleted
        {
            DocumentId = notice.DocumentId,
            TenantId = notice.TenantId,
            Category = notice.Category,
            Confidence = notice.Confidence,
            Department = notice.Department,
            NotificationCount = notice.Expected,
            NotificationsDelivered = notice.Delivered,
            NotificationsFailed = notice.Dead,
            CompletedAt = notice.CompletedAt.Value,
        };
        outbox.Publish(completed);
        await planner.PlanAsync(notice.DocumentId, notice.TenantId, WebhookEventTypes.Completed, completed, completesDocument: false, [], cancellationToken);
    }
}

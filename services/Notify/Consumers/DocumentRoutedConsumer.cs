using MassTransit;
using Workflow.ServiceDefaults.Messaging.Durable;
using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.Notify.Data;

namespace Workflow.Notify.Consumers;

/// <summary>
/// Tells the department a document has arrived (recorded and logged; webhooks and e-mail are
/// a later step), then declares the document's journey complete.
/// </summary>
public sealed class DocumentRoutedConsumer(NotifyDbContext db, EventOutbox outbox, TimeProvider clock, ILogger<DocumentRoutedConsumer> logger)
    : IConsumer<DocumentRouted>
{
    private const string Channel = "log";

    public async Task Consume(ConsumeContext<DocumentRouted> context)
    {
        var message = context.Message;
        var alreadySent = await db.Notifications.AnyAsync(
            n => n.DocumentId == message.DocumentId && n.Channel == Channel && n.Recipient == message.Department, context.CancellationToken);
        if (!alreadySent)
        {
            db.Notifications.Add(new Notification
            {
                Id = NewId.NextGuid(),
                DocumentId = message.DocumentId,
                Channel = Channel,
                Recipient = message.Department,
                Subject = $"New {message.Category} document routed to {message.Department}",
                CreatedAt = clock.GetUtcNow(),
            });
            logger.LogInformation("Notified {Department} of document {DocumentId} ({Category})",
                message.Department, message.DocumentId, message.Category);
        }

        // The notification added above is committed with this event by the consumer's unit of work.
        var count = await db.Notifications.CountAsync(n => n.DocumentId == message.DocumentId, context.CancellationToken)
            + (alreadySent ? 0 : 1);
        outbox.Publish(new DocumentCompleted
        {
            DocumentId = message.DocumentId,
            Category = message.Category,
            Confidence = message.Confidence,
            Department = message.Department,
            NotificationCount = count,
            CompletedAt = clock.GetUtcNow(),
        });
    }
}

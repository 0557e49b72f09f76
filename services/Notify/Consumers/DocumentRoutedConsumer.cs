using MassTransit;
using Microsoft.EntityFrameworkCore;
using Workflow.Contracts;
using Workflow.Notify.Data;

namespace Workflow.Notify.Consumers;

/// <summary>
/// Tells the department a document has arrived (recorded and logged; webhooks and e-mail are
/// a later step), then declares the document's journey complete.
/// </summary>
public sealed class DocumentRoutedConsumer(NotifyDbContext db, TimeProvider clock, ILogger<DocumentRoutedConsumer> logger)
    : IConsumer<DocumentRouted>
{
    private const string Channel = "log";

    public async Task Consume(ConsumeContext<DocumentRouted> context)
    {
        var message = context.Message;
        db.ChangeTracker.Clear();
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
            await db.SaveChangesAsync(context.CancellationToken);
            logger.LogInformation("Notified {Department} of document {DocumentId} ({Category})",
                message.Department, message.DocumentId, message.Category);
        }

        var count = await db.Notifications.CountAsync(n => n.DocumentId == message.DocumentId, context.CancellationToken);
        await context.Publish(new DocumentCompleted
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

using MassTransit;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.Notify.Email;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Notify.Consumers;

/// <summary>
/// Announces a routed document to the webhook subscribers and the department's e-mail address;
/// the document is complete once those deliveries are delivered or dead (at once when there are none).
/// </summary>
public sealed class DocumentRoutedConsumer(
    NotifyDbContext db, DeliveryPlanner planner, DocumentCompletion completion, IOptionsMonitor<EmailOptions> email, TimeProvider clock)
    : IConsumer<DocumentRouted>
{
    public async Task Consume(ConsumeContext<DocumentRouted> context)
    {
        var message = context.Message;
        if (await db.FindByKeyAsync<DocumentNotice>(message.DocumentId, context.CancellationToken) is not null)
        {
            return;
        }

        var notice = new DocumentNotice
        {
            DocumentId = message.DocumentId,
            TenantId = Tenants.Of(message.TenantId),
            Category = message.Category,
            Confidence = message.Confidence,
            Department = message.Department,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Notices.Add(notice);

        var settings = email.CurrentValue;
        var emails = settings.Enabled && settings.Departments.TryGetValue(message.Department, out var address)
            ? [(address, EmailTexts.Routed(message))]
            : Array.Empty<(string, EmailContent)>();
        notice.Expected = await planner.PlanAsync(message.DocumentId, notice.TenantId, WebhookEventTypes.Routed, message, completesDocument: true, emails,
            context.CancellationToken);
        await completion.CompleteIfFinishedAsync(notice, context.CancellationToken);
    }
}

using MassTransit;
using Microsoft.Extensions.Options;
using Workflow.Contracts;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.Notify.Email;

namespace Workflow.Notify.Consumers;

/// <summary>Tells the reviewers (e-mail) and subscribers (webhooks) that a review is overdue.</summary>
public sealed class DocumentReviewEscalatedConsumer(DeliveryPlanner planner, IOptionsMonitor<EmailOptions> email) : IConsumer<DocumentReviewEscalated>
{
    public Task Consume(ConsumeContext<DocumentReviewEscalated> context)
    {
        var settings = email.CurrentValue;
        var content = EmailTexts.Escalated(context.Message);
        var emails = settings.Enabled ? settings.Reviewers.Select(r => (r, content)) : [];
        return planner.PlanAsync(context.Message.DocumentId, Tenants.Of(context.Message.TenantId), WebhookEventTypes.ReviewEscalated, context.Message, completesDocument: false, emails,
            context.CancellationToken);
    }
}

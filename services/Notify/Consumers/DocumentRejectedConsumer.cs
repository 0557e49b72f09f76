using MassTransit;
using Workflow.Contracts;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;

namespace Workflow.Notify.Consumers;

/// <summary>Tells subscribers that a reviewer rejected a document.</summary>
public sealed class DocumentRejectedConsumer(DeliveryPlanner planner) : IConsumer<DocumentRejected>
{
    public Task Consume(ConsumeContext<DocumentRejected> context) =>
        planner.PlanAsync(context.Message.DocumentId, Tenants.Of(context.Message.TenantId), WebhookEventTypes.Rejected, context.Message, completesDocument: false, [],
            context.CancellationToken);
}

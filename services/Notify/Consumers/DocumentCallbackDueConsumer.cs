using MassTransit;
using Workflow.Contracts;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;

namespace Workflow.Notify.Consumers;

/// <summary>
/// Calls an uploader back when its document has finished: one signed POST to its callback URL
/// (type <c>document.finished</c>, the document's final status as data), retried like webhooks.
/// </summary>
public sealed class DocumentCallbackDueConsumer(DeliveryPlanner planner, CallbackSecrets secrets) : IConsumer<DocumentCallbackDue>
{
    public async Task Consume(ConsumeContext<DocumentCallbackDue> context)
    {
        var message = context.Message;
        var tenant = Tenants.Of(message.TenantId);
        await secrets.OfAsync(tenant, context.CancellationToken);
        planner.PlanCallback(message.DocumentId, tenant, message.CallbackUrl, message);
    }
}

using MassTransit;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Contracts;
using Workflow.Route.Data;
using Workflow.Route.Routing;

namespace Workflow.Route.Consumers;

public sealed class DocumentClassifiedConsumer(RoutingTable table, RouteDbContext db, EventOutbox outbox, TimeProvider clock)
    : IConsumer<DocumentClassified>
{
    public async Task Consume(ConsumeContext<DocumentClassified> context)
    {
        var message = context.Message;
        var decision = table.Decide(message.Category, message.Confidence);

        var record = await db.Routings.FindAsync([message.DocumentId], context.CancellationToken);
        if (record is null)
        {
            record = new DocumentRouting { DocumentId = message.DocumentId };
            db.Routings.Add(record);
        }

        record.Category = message.Category;
        record.Confidence = message.Confidence;
        record.RuleId = decision.RuleId;
        record.Department = decision.Department;
        record.RoutedAt = clock.GetUtcNow();
        outbox.Publish(new DocumentRouted
        {
            DocumentId = message.DocumentId,
            Department = record.Department,
            Category = record.Category,
            Confidence = record.Confidence,
            RuleId = record.RuleId,
            RoutedAt = record.RoutedAt,
        });
    }
}

using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Notify.Data;
using Workflow.Notify.Email;

namespace Workflow.Notify.Deliveries;

/// <summary>
/// Turns an event about a document into deliveries (one per interested webhook subscription and
/// per e-mail recipient), added to the consumer's unit of work; the dispatcher sends them after
/// the commit.
/// </summary>
public sealed class DeliveryPlanner(NotifyDbContext db, IOptionsMonitor<DeliveryOptions> options, TimeProvider clock)
{
    private List<WebhookSubscription>? _subscriptions;

    /// <returns>How many deliveries were planned.</returns>
    public async Task<int> PlanAsync<T>(
        Guid documentId, string eventType, T data, bool completesDocument, IEnumerable<(string Address, EmailContent Content)> emails,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = 0;
        var body = JsonSerializer.Serialize(new { type = eventType, timestamp = now, data }, JsonSerializerOptions.Web);
        foreach (var subscription in (await SubscriptionsAsync(cancellationToken)).Where(s => s.Wants(eventType)))
        {
            Add(new Delivery
            {
                Id = NewId.NextGuid(), DocumentId = documentId, Channel = DeliveryChannels.Webhook, SubscriptionId = subscription.Id,
                Recipient = subscription.Url, EventType = eventType, Payload = body, CompletesDocument = completesDocument,
                CreatedAt = now, NextAttemptAt = now, AttemptsAllowed = options.CurrentValue.MaxAttempts,
            });
            count++;
        }

        foreach (var (address, content) in emails)
        {
            Add(new Delivery
            {
                Id = NewId.NextGuid(), DocumentId = documentId, Channel = DeliveryChannels.Email, Recipient = address, EventType = eventType,
                Payload = JsonSerializer.Serialize(content, JsonSerializerOptions.Web), CompletesDocument = completesDocument,
                CreatedAt = now, NextAttemptAt = now, AttemptsAllowed = options.CurrentValue.MaxAttempts,
            });
            count++;
        }

        return count;
    }

    private void Add(Delivery delivery) => db.Deliveries.Add(delivery);

    /// <summary>Read once per unit of work: a document's several events see the same subscriptions.</summary>
    private async Task<List<WebhookSubscription>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        _subscriptions ??= await db.Subscriptions.AsNoTracking().Where(s => s.DeletedAt == null).ToListAsync(cancellationToken);
}

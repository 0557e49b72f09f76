using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Notify.Data;
using Workflow.Notify.Email;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.Notify.Deliveries;

/// <summary>
/// Turns an event about a document into deliveries (one per interested webhook subscription and
/// per e-mail recipient), or a finished document into the call its uploader asked for, added to
/// the consumer's unit of work; the dispatcher sends them after the commit.
/// </summary>
public sealed class DeliveryPlanner(NotifyDbContext db, IOptionsMonitor<DeliveryOptions> options, TimeProvider clock)
{
    private List<WebhookSubscription>? _subscriptions;

    /// <returns>How many deliveries were planned.</returns>
    public async Task<int> PlanAsync<T>(
        Guid documentId, string tenantId, string eventType, T data, bool completesDocument, IEnumerable<(string Address, EmailContent Content)> emails,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = 0;
        void Plan(string channel, Guid? subscriptionId, string recipient, string payload)
        {
            Add(documentId, tenantId, eventType, channel, subscriptionId, recipient, payload, completesDocument, now);
            count++;
        }

        // Subscribers hear only about their own tenant's documents.
        var subscribers = (await SubscriptionsAsync(cancellationToken)).Where(s => s.TenantId == tenantId && s.Wants(eventType)).ToList();
        if (subscribers.Count > 0)
        {
            // Serialised only when someone listens: most documents of most installations have no subscriber.
            var body = Body(eventType, now, data);
            foreach (var subscription in subscribers)
            {
                Plan(DeliveryChannels.Webhook, subscription.Id, subscription.Url, body);
            }
        }

        foreach (var (address, content) in emails)
        {
            Plan(DeliveryChannels.Email, null, address, JsonSerializer.Serialize(content, JsonSerializerOptions.Web));
        }

        return count;
    }

    /// <summary>The call to a document's callback URL (only there: subscribers get their own events).</summary>
    public void PlanCallback<T>(Guid documentId, string tenantId, string callbackUrl, T data)
    {
        var now = clock.GetUtcNow();
        Add(documentId, tenantId, WebhookEventTypes.Finished, DeliveryChannels.Callback, null, callbackUrl, Body(WebhookEventTypes.Finished, now, data),
            completesDocument: false, now);
    }

    private void Add(
        Guid documentId, string tenantId, string eventType, string channel, Guid? subscriptionId, string recipient, string payload, bool completesDocument,
        DateTimeOffset now) =>
        db.Deliveries.Add(new Delivery
        {
            Id = NewId.NextGuid(), DocumentId = documentId, TenantId = tenantId, Channel = channel, SubscriptionId = subscriptionId, Recipient = recipient,
            EventType = eventType, Payload = payload, CompletesDocument = completesDocument, TraceParent = StoredTrace.Capture(),
            CreatedAt = now, NextAttemptAt = now, AttemptsAllowed = options.CurrentValue.MaxAttempts,
        });

    /// <summary>What a webhook or callback receiver gets: the event's type, when it was sent out, and its data.</summary>
    private static string Body<T>(string eventType, DateTimeOffset at, T data) =>
        JsonSerializer.Serialize(new { type = eventType, timestamp = at, data }, JsonSerializerOptions.Web);

    /// <summary>Read once per unit of work: a document's several events see the same subscriptions.</summary>
    private async Task<List<WebhookSubscription>> SubscriptionsAsync(CancellationToken cancellationToken) =>
        _subscriptions ??= await db.Subscriptions.AsNoTracking().Where(s => s.DeletedAt == null).ToListAsync(cancellationToken);
}

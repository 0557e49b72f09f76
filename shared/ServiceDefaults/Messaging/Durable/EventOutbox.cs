using System.Text.Json;
using MassTransit;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Where a service puts the events it publishes: rows in its own database, committed with its
/// state, published by the <see cref="OutboxRelay"/> only after the commit.
/// </summary>
public sealed class EventOutbox(ServiceDbContext db, OutboxHandoff handoff, TimeProvider clock)
{
    /// <param name="messageId">Given when a repeat of the same decision must be recognisable downstream (e.g. a timeout).</param>
    public void Publish<T>(T message, Guid? messageId = null)
        where T : class
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = messageId ?? NewId.NextGuid(),
            MessageType = typeof(T).FullName!,
            Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
            TraceParent = StoredTrace.Capture(),
            CreatedAt = now,
            LockToken = handoff.Token,
            LockedUntil = now + handoff.Lease,
        });
    }
}

public static class ConsumeContextOutboxExtensions
{
    /// <summary>
    /// The outbox of the unit of work a message is consumed in, for code that gets no constructor
    /// (a state machine's activities): what it publishes commits with the saga's new state.
    /// </summary>
    public static EventOutbox Outbox(this ConsumeContext context) => context.GetServiceOrCreateInstance<EventOutbox>();

    /// <summary>The service's clock (a test's fake one where it set one), for the same code.</summary>
    public static DateTimeOffset Now(this ConsumeContext context) => context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
}

using System.Security.Cryptography;
using System.Text;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>The same decision about the same thing always gets the same MessageId, so inboxes drop repeats.</summary>
public static class DeterministicMessageId
{
    public static Guid For(Guid subject, DateTimeOffset moment, string purpose) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{purpose}:{subject:N}:{moment.UtcTicks}")).AsSpan(0, 16));
}

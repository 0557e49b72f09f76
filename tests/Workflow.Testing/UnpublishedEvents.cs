using System.Text.Json;

namespace Workflow.Testing;

/// <summary>
/// Committed events nobody holds a lease on, written straight into a service's outbox: what a
/// relay that died leaves behind, for the next relay's sweep to take.
/// </summary>
public static class UnpublishedEvents
{
    /// <summary>One DocumentClassified per message id, in one transaction; its category is <paramref name="marker"/>, to find them on the broker.</summary>
    public static Task AddClassificationsAsync(this Database database, IEnumerable<Guid> messageIds, string marker, string classifier) =>
        database.ExecuteAsync(messageIds.Select((messageId, i) => (
            "INSERT INTO OutboxMessages (MessageId, MessageType, Body, CreatedAt) VALUES ($id, 'Workflow.Contracts.DocumentClassified', $body, 0)",
            new (string, object)[]
            {
                ("$id", messageId.ToString().ToUpperInvariant()),
                ("$body", JsonSerializer.Serialize(new { documentId = Guid.NewGuid(), category = marker, confidence = 0.5, classifier, explanation = i.ToString() })),
            })));
}

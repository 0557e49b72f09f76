namespace Workflow.Notify.Data;

/// <summary>One message to a person or system about a document.</summary>
public sealed class Notification
{
    public Guid Id { get; init; }
    public Guid DocumentId { get; init; }

    /// <summary>How it is sent: <c>log</c> for now; webhooks and e-mail come next.</summary>
    public string Channel { get; init; } = "";

    public string Recipient { get; init; } = "";
    public string Subject { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

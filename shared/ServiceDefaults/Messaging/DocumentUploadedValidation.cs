using Workflow.Contracts;

namespace Workflow.ServiceDefaults.Messaging;

public static class DocumentUploadedValidation
{
    /// <summary>
    /// A raw message from outside .NET can lack anything; one that does goes to the error queue
    /// with the reason instead of being processed half-way.
    /// </summary>
    public static void EnsureValid(this DocumentUploaded message)
    {
        if (message.DocumentId == Guid.Empty)
        {
            throw new InvalidMessageException("DocumentUploaded has no documentId.");
        }

        if (string.IsNullOrWhiteSpace(message.FileName))
        {
            throw new InvalidMessageException($"DocumentUploaded {message.DocumentId} has no fileName.");
        }

        if (message.StorageKey is null && message.Content is null)
        {
            throw new InvalidMessageException($"DocumentUploaded {message.DocumentId} has neither content nor storageKey.");
        }

        if (message.CallbackUrl is { } callback && CallbackUrl.ProblemWith(callback) is { } problem)
        {
            throw new InvalidMessageException($"DocumentUploaded {message.DocumentId} has a callbackUrl that cannot be called: {problem}");
        }
    }
}

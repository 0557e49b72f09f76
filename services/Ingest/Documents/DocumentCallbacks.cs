using Workflow.Contracts;

namespace Workflow.Ingest.Documents;

/// <summary>The call a document's uploader asked for, once the document has reached a terminal status.</summary>
public static class DocumentCallbacks
{
    /// <summary>The callback to publish for the document as it is now, or null when none is due (no URL, or not terminal).</summary>
    public static DocumentCallbackDue? Due(Document document, DateTimeOffset at) =>
        document.CallbackUrl is { } url && document.Status.IsTerminal()
            ? new DocumentCallbackDue
            {
                DocumentId = document.Id,
                TenantId = document.TenantId,
                CallbackUrl = url,
                Status = document.Status.ToString(),
                FileName = document.FileName,
                ExternalRef = document.ExternalRef,
                Category = document.Category,
                Confidence = document.Confidence,
                Department = document.Department,
                FailedStep = document.FailedStep,
                FailureReason = document.FailureReason,
                At = at,
            }
            : null;
}

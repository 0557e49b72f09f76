namespace Workflow.Ingest.Documents;

/// <summary>Where a document is in its journey. The order of the values is the order of the journey.</summary>
public enum DocumentStatus
{
    Received = 0,
    Extracted = 1,
    Classified = 2,
    AwaitingReview = 3,
    Routed = 4,
    Completed = 5,
    Failed = 6,
    Rejected = 7,
}

public static class DocumentStatusExtensions
{
    /// <summary>Completed, Rejected or Failed: nothing more happens unless a failed step is re-driven.</summary>
    public static bool IsTerminal(this DocumentStatus status) =>
        status is DocumentStatus.Completed or DocumentStatus.Rejected or DocumentStatus.Failed;
}

namespace Workflow.Ingest.Apis;

public sealed record DocumentAccepted(Guid DocumentId, string Status, string StatusUrl);

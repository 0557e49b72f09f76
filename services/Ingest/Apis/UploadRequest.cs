namespace Workflow.Ingest.Apis;

/// <summary>An upload, whichever way it arrived (multipart or JSON).</summary>
public sealed record UploadRequest(string FileName, string ContentType, byte[] Content, string? Source, string? ExternalRef, string? CallbackUrl = null);

namespace Workflow.Ingest.Apis;

/// <summary>The JSON form of an upload: the bytes as base64.</summary>
public sealed record JsonUpload(string? FileName, string? ContentType, string? ContentBase64, string? Source, string? ExternalRef, string? CallbackUrl = null);

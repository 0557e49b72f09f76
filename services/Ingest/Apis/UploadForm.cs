namespace Workflow.Ingest.Apis;

/// <summary>The multipart form of an upload, as the API description shows it (the reader takes the parts by name).</summary>
public sealed record UploadForm(IFormFile File, string? Source, string? ExternalRef, string? CallbackUrl);

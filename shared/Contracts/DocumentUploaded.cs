namespace Workflow.Contracts;

/// <summary>
/// A document has been accepted into the system. Published by ingest for API uploads, or
/// straight to the <c>workflow.document-uploaded</c> exchange by any client (plain JSON).
/// </summary>
public record DocumentUploaded
{
    public required Guid DocumentId { get; init; }

    /// <summary>The tenant the document belongs to (<see cref="Tenants.Default"/> when a publisher gave none); carried on every event about it.</summary>
    public string? TenantId { get; init; }

    public required string FileName { get; init; }
    public string? ContentType { get; init; }
    public long SizeBytes { get; init; }
    public string? Source { get; init; }
    public string? ExternalRef { get; init; }

    /// <summary>Where the bytes live in the document store (claim check), when stored.</summary>
    public string? StorageKey { get; init; }

    /// <summary>The bytes themselves, only for small documents (base64 in JSON).</summary>
    public byte[]? Content { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>
    /// Where to call (a signed POST, from notify) when the document reaches a terminal status:
    /// Completed, Rejected or Failed. An absolute http or https URL; optional.
    /// </summary>
    public string? CallbackUrl { get; init; }
}

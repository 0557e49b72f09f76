namespace Workflow.ServiceDefaults.Storage;

/// <summary>
/// Where document bytes (and large extracted texts) live, so they never travel through the
/// broker: messages carry the key (a claim check).
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the bytes under the key, whole or not at all (a reader never sees part of them); returns the key.</summary>
    Task<string> SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes an entry nothing refers to (a document whose record was never committed); no entry is no error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

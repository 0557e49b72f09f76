using System.Security.Cryptography;

namespace Workflow.ServiceDefaults.Storage;

/// <summary>
/// Where a document's entries go in the store: spread over 256 folders by a hash of its id, so no
/// folder grows to millions of entries (slow to list, back up or serve from a network file
/// system). The hash, not the id's first characters: ids made in the same moment share those.
/// Keys already recorded (documents stored flat by earlier versions) stay as they are.
/// </summary>
public static class StorageKeys
{
    /// <summary>An uploaded document's bytes.</summary>
    public static string Document(Guid documentId) => $"documents/{Shard(documentId)}/{documentId:N}";

    /// <summary>A document's extracted text, when too long to travel in its event.</summary>
    public static string Text(Guid documentId) => $"texts/{Shard(documentId)}/{documentId:N}.txt";

    private static string Shard(Guid documentId) => SHA256.HashData(documentId.ToByteArray())[0].ToString("x2");
}

namespace Workflow.ServiceDefaults.Storage;

/// <summary>
/// A document store on a file system every service can read: a local folder, or in
/// Kubernetes a ReadWriteMany volume mounted by every replica.
/// </summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    public async Task<string> SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Write beside, then move: a reader never sees half a document.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = File.Create(temporary))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return key;
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Document store has no entry '{key}'.");
        }

        return Task.FromResult<Stream>(File.OpenRead(path));
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Storage key '{key}' leaves the document store.", nameof(key));
        }

        return path;
    }
}

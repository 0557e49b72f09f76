namespace Workflow.ServiceDefaults.Storage;

/// <summary>
/// A document store on a file system every service can read: a local folder, or in
/// Kubernetes a ReadWriteMany volume mounted by every replica.
/// </summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    private readonly string _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;

    public async Task<string> SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write beside, then move: a reader never sees half a document.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        if (content is MemoryStream memory && memory.TryGetBuffer(out var bytes))
        {
            // Bytes already in memory go in one write: on Linux the async file API would only
            // hand the same write to another thread.
            using var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, bytes.AsSpan((int)memory.Position), fileOffset: 0);
        }
        else
        {
            await using var file = File.Create(temporary);
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

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Storage key '{key}' leaves the document store.", nameof(key));
        }

        return path;
    }
}

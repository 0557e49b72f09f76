namespace Workflow.ServiceDefaults.Storage;

/// <summary>
/// A document store on a file system every service can read: a local folder, or in
/// Kubernetes a ReadWriteMany volume mounted by every replica.
/// </summary>
public sealed class FileSystemDocumentStore(string root) : IDocumentStore
{
    private readonly string _root = Path.GetFullPath(root) + Path.DirectorySeparatorChar;

    /// <summary>Larger documents are written on another thread; smaller ones in one write here, which costs less than the hop.</summary>
    private const int SynchronousWriteBytes = 1 << 20;

    public async Task<string> SaveAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write beside, then move: a reader never sees half a document.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var onAnotherThread = content.Length > SynchronousWriteBytes;
        try
        {
            using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, options: onAnotherThread ? FileOptions.Asynchronous : FileOptions.None))
            {
                if (onAnotherThread)
                {
                    await RandomAccess.WriteAsync(handle, content, fileOffset: 0, cancellationToken);
                }
                else
                {
                    RandomAccess.Write(handle, content.Span, fileOffset: 0);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A write that failed (a full disk, a cancelled request) leaves nothing behind.
            File.Delete(temporary);
            throw;
        }

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

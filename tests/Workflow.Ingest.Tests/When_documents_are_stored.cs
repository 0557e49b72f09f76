using MassTransit;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Tests;

public sealed class When_documents_are_stored : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("workflow-store-").FullName;

    [Fact]
    public void Ids_made_one_after_another_spread_over_the_store_s_folders()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => NewId.NextGuid()).ToList();

        var folders = ids.Select(id => Path.GetDirectoryName(StorageKeys.Document(id))).Distinct().ToList();

        Assert.InRange(folders.Count, 200, 256);
        Assert.All(folders, f => Assert.Matches("^documents/[0-9a-f]{2}$", f!.Replace('\\', '/')));
        Assert.Equal(StorageKeys.Document(ids[0]), StorageKeys.Document(ids[0]));
        Assert.EndsWith($"/{ids[0]:N}.txt", StorageKeys.Text(ids[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    [InlineData(3_000_000)] // over the size written on another thread
    public async Task The_bytes_read_back_are_the_bytes_saved_and_no_temporary_file_stays(int size)
    {
        var store = new FileSystemDocumentStore(_root);
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        var key = StorageKeys.Document(NewId.NextGuid());

        Assert.Equal(key, await store.SaveAsync(key, bytes, CancellationToken.None));

        await using var read = await store.OpenReadAsync(key, CancellationToken.None);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Single(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Saving_again_under_a_key_replaces_its_bytes()
    {
        var store = new FileSystemDocumentStore(_root);
        var key = StorageKeys.Text(NewId.NextGuid());

        await store.SaveAsync(key, "first, longer version"u8.ToArray(), CancellationToken.None);
        await store.SaveAsync(key, "second"u8.ToArray(), CancellationToken.None);

        Assert.Equal("second", await File.ReadAllTextAsync(Path.Combine(_root, key)));
    }

    [Fact]
    public async Task A_write_that_fails_leaves_no_file_behind()
    {
        var store = new FileSystemDocumentStore(_root);
        var key = StorageKeys.Document(NewId.NextGuid());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(key, new byte[3_000_000], new CancellationToken(canceled: true)));

        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_key_that_leaves_the_store_is_refused()
    {
        var store = new FileSystemDocumentStore(Path.Combine(_root, "store"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync("../outside", "x"u8.ToArray(), CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(_root, "outside")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

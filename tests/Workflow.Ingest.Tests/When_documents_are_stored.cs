using MassTransit;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Tests;

public sealed class When_documents_are_stored
{
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
}

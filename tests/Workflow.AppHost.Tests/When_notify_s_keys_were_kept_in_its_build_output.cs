using Workflow.AppHost.Services;

namespace Workflow.AppHost.Tests;

public sealed class When_notify_s_keys_were_kept_in_its_build_output : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("workflow-apphost-keys-").FullName;

    private string Data => Path.Combine(_work, "data");

    private string Output => Path.Combine(_work, "bin");

    [Fact]
    public void A_data_directory_with_notify_s_database_gets_a_copy_of_them()
    {
        Given(database: true, earlierKeys: ["key-1.xml", "key-2.xml"]);

        Assert.Equal(2, EarlierNotifyKeys.CopyIfNeeded(Data, Output));

        Assert.Equal(["key-1.xml", "key-2.xml"], Directory.GetFiles(Path.Combine(Data, "notify-keys")).Select(Path.GetFileName).Order());
        Assert.Equal("<key-1.xml/>", File.ReadAllText(Path.Combine(Data, "notify-keys", "key-1.xml")));
        Assert.True(File.Exists(Path.Combine(Output, ".workflow", "notify-keys", "key-1.xml")), "the earlier copy stays");
    }

    [Fact]
    public void A_new_data_directory_starts_its_own_key_ring()
    {
        Given(database: false, earlierKeys: ["key-1.xml"]);

        Assert.Equal(0, EarlierNotifyKeys.CopyIfNeeded(Data, Output));

        Assert.False(Directory.Exists(Path.Combine(Data, "notify-keys")));
    }

    [Fact]
    public void A_data_directory_with_its_own_key_ring_keeps_it_as_it_is()
    {
        Given(database: true, earlierKeys: ["key-1.xml"]);
        Directory.CreateDirectory(Path.Combine(Data, "notify-keys"));
        File.WriteAllText(Path.Combine(Data, "notify-keys", "key-9.xml"), "<key-9.xml/>");

        Assert.Equal(0, EarlierNotifyKeys.CopyIfNeeded(Data, Output));

        Assert.Equal(["key-9.xml"], Directory.GetFiles(Path.Combine(Data, "notify-keys")).Select(Path.GetFileName));
    }

    private void Given(bool database, string[] earlierKeys)
    {
        Directory.CreateDirectory(Data);
        if (database)
        {
            File.WriteAllText(Path.Combine(Data, "notifydb.db"), "");
        }

        var earlier = Directory.CreateDirectory(Path.Combine(Output, ".workflow", "notify-keys")).FullName;
        foreach (var key in earlierKeys)
        {
            File.WriteAllText(Path.Combine(earlier, key), $"<{key}/>");
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}

namespace Workflow.AppHost.Services;

/// <summary>
/// Before the AppHost gave its services its data directory (<c>Workflow__DataDirectory</c>),
/// notify kept its key ring in its own working directory, the build output
/// (<c>services/Notify/bin/…/.workflow/notify-keys</c>), while its database was in the data
/// directory. The keys decrypt the signing secrets in that database, so on the first start with
/// this version they are copied to where notify now looks (copied, not moved: an earlier AppHost
/// still finds them). Only for a data directory that already has notify's database and no keys.
/// </summary>
public static class EarlierNotifyKeys
{
    public const string KeysFolder = "notify-keys";

    /// <summary>Copies the key files; returns how many.</summary>
    public static int CopyIfNeeded(string dataDirectory, string notifyOutputDirectory)
    {
        var keys = Path.Combine(dataDirectory, KeysFolder);
        var earlier = Path.Combine(notifyOutputDirectory, ".workflow", KeysFolder);
        if (!File.Exists(Path.Combine(dataDirectory, "notifydb.db")) || Directory.Exists(keys) || !Directory.Exists(earlier))
        {
            return 0;
        }

        var files = Directory.GetFiles(earlier, "key-*.xml");
        Directory.CreateDirectory(keys);
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(keys, Path.GetFileName(file)));
        }

        return files.Length;
    }
}

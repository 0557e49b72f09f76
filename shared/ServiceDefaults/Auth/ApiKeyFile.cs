using System.Text.Json;

namespace Workflow.ServiceDefaults.Auth;

/// <summary>
/// The API keys, in a JSON file every service reads (<c>Auth:ApiKeysFile</c>; in Kubernetes a
/// mounted Secret). A changed file is read again within a second, so a revoked key stops working
/// without a restart. No file, or no such setting: every request is refused (fail closed).
/// </summary>
public sealed class ApiKeyFile(string? path, TimeProvider clock)
{
    public const string PathSetting = "Auth:ApiKeysFile";
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };
    private readonly Lock _lock = new();
    private volatile IReadOnlyDictionary<string, ApiKeyEntry> _entries = new Dictionary<string, ApiKeyEntry>();
    private DateTime _loadedWrite = DateTime.MinValue;
    private long _checkedAtTicks = long.MinValue / 2;

    public string? Path => path;

    /// <summary>The entry whose key this is, unless it is unknown, wrong or revoked.</summary>
    public ApiKeyEntry? Find(string key)
    {
        var id = ApiKeyEntry.IdOf(key);
        return id is not null && Current().TryGetValue(id, out var entry) && entry.Matches(key) ? entry : null;
    }

    public static List<ApiKeyEntry> Read(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<KeysDocument>(File.ReadAllText(path), JsonSerializerOptions.Web)?.Keys ?? []
            : [];

    /// <summary>Writes beside, then moves: a service never reads half a file.</summary>
    public static void Write(string path, IEnumerable<ApiKeyEntry> entries)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new KeysDocument([.. entries]), Indented));
        File.Move(temporary, path, overwrite: true);
    }

    private IReadOnlyDictionary<string, ApiKeyEntry> Current()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (path is null || now - Volatile.Read(ref _checkedAtTicks) < RecheckAfter.Ticks)
        {
            return _entries;
        }

        lock (_lock)
        {
            if (now - _checkedAtTicks < RecheckAfter.Ticks)
            {
                return _entries;
            }

            var written = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
            if (written != _loadedWrite)
            {
                try
                {
                    _entries = Read(path).ToDictionary(e => e.Id);
                    _loadedWrite = written;
                }
                catch (Exception e) when (e is IOException or JsonException)
                {
                    // Half-written or invalid: keep the keys in force and look again shortly.
                }
            }

            // Only now: a request that skips the check must find the keys already read.
            Volatile.Write(ref _checkedAtTicks, now);
            return _entries;
        }
    }

    private sealed record KeysDocument(List<ApiKeyEntry> Keys);
}

using Microsoft.Extensions.Configuration;

namespace Workflow.ServiceDefaults.Auth;

/// <summary>
/// <c>keys create --tenant T --role R [--role R…] [--name N]</c>, <c>keys list</c>,
/// <c>keys revoke ID</c>, on the file in <c>Auth:ApiKeysFile</c> (or <c>--file F</c>). Any
/// service's binary runs it: <c>dotnet Workflow.Ingest.dll keys create …</c>. A created key is
/// printed once and never stored.
/// </summary>
public static class KeysCommand
{
    public const string Name = "keys";

    public static int Run(string[] args, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var options = Options(args.Skip(1).ToArray());
        var file = options.GetValueOrDefault("file")?.FirstOrDefault() ?? configuration[ApiKeyFile.PathSetting];
        if (string.IsNullOrWhiteSpace(file))
        {
            errors.WriteLine($"No key file: give --file PATH or set {ApiKeyFile.PathSetting.Replace(":", "__", StringComparison.Ordinal)}.");
            return 2;
        }

        var verb = args.Length > 1 ? args[1] : "";
        var entries = ApiKeyFile.Read(file);
        switch (verb)
        {
            case "create":
                var tenant = options.GetValueOrDefault("tenant")?.FirstOrDefault();
                var roles = options.GetValueOrDefault("role") ?? [];
                var unknown = roles.Except(Roles.All).ToList();
                if (string.IsNullOrWhiteSpace(tenant) || roles.Count == 0 || unknown.Count > 0)
                {
                    errors.WriteLine($"keys create needs --tenant and at least one --role of {string.Join(", ", Roles.All)}"
                        + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown)}." : "."));
                    return 2;
                }

                var (key, entry) = ApiKeyEntry.Create(tenant, roles, options.GetValueOrDefault("name")?.FirstOrDefault(), DateTimeOffset.UtcNow);
                ApiKeyFile.Write(file, entries.Append(entry));
                output.WriteLine($"Created key {entry.Id} for tenant {entry.Tenant} ({string.Join(", ", entry.Roles)}). It is shown only now:");
                output.WriteLine(key);
                return 0;
            case "list":
                foreach (var e in entries)
                {
                    output.WriteLine($"{e.Id}  tenant={e.Tenant}  roles={string.Join(",", e.Roles)}  name={e.Name ?? "-"}  created={e.CreatedAt:O}"
                        + (e.RevokedAt is { } revoked ? $"  REVOKED {revoked:O}" : ""));
                }

                return 0;
            case "revoke" when args.Length > 2:
                var id = args[2];
                if (entries.All(e => e.Id != id))
                {
                    errors.WriteLine($"No key has the id {id}.");
                    return 1;
                }

                ApiKeyFile.Write(file, entries.Select(e => e.Id == id && e.RevokedAt is null ? e with { RevokedAt = DateTimeOffset.UtcNow } : e));
                output.WriteLine($"Revoked key {id}: services refuse it within a second.");
                return 0;
            default:
                errors.WriteLine("Usage: keys create --tenant T --role R [--role R…] [--name N] | keys list | keys revoke ID   [--file PATH]");
                return 2;
        }
    }

    private static Dictionary<string, List<string>> Options(string[] args)
    {
        var options = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(args[++i]);
            }
        }

        return options;
    }
}

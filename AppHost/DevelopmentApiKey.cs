using System.Diagnostics;
using Workflow.AppHost.Services;

namespace Workflow.AppHost;

/// <summary>
/// A local run needs a key to call the API: on the first start with a new data directory, one key
/// with every role for the tenant <c>default</c> is made by the product's own command
/// (<c>dotnet Workflow.Ingest.dll keys create</c>) and kept in <c>{data}/dev-api-key</c>
/// (readable by the owner only), so it can be shown on every start. Development only: in
/// production keys are made by an operator and live in a Secret.
/// </summary>
public static class DevelopmentApiKey
{
    public const string FileName = "dev-api-key";

    public static async Task<string?> EnsureAsync(string data, string keysFile, ServiceDefinition ingest, CancellationToken cancellationToken)
    {
        var keyFile = Path.Combine(data, FileName);
        if (File.Exists(keyFile))
        {
            return (await File.ReadAllTextAsync(keyFile, cancellationToken)).Trim();
        }

        if (File.Exists(keysFile))
        {
            // Keys made by an operator: nothing to add, nothing to show.
            return null;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SolutionLayout.OutputOf(ingest) };
        foreach (var argument in new[] { SolutionLayout.AssemblyOf(ingest), "keys", "create", "--tenant", "default", "--name", "development",
            "--role", "submitter", "--role", "reviewer", "--role", "auditor", "--role", "admin", "--file", keysFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var key = output.Split('\n', StringSplitOptions.TrimEntries).FirstOrDefault(line => line.StartsWith("wf_", StringComparison.Ordinal));
        if (process.ExitCode != 0 || key is null)
        {
            throw new InvalidOperationException($"Creating the development API key failed: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
        }

        await File.WriteAllTextAsync(keyFile, key + "\n", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}

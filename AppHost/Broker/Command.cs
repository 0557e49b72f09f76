using System.Diagnostics;

namespace Workflow.AppHost.Broker;

/// <summary>Runs a short command-line tool and captures what it prints.</summary>
public static class Command
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Debian's engine speaks API 1.41 at most; a newer client must be told.
        info.Environment.TryAdd("DOCKER_API_VERSION", "1.41");
        try
        {
            using var process = Process.Start(info)!;
            using var cancellation = new CancellationTokenSource(timeout);
            var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
            var error = process.StandardError.ReadToEndAsync(cancellation.Token);
            await process.WaitForExitAsync(cancellation.Token);
            return (process.ExitCode, await output + await error);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return (-1, e.Message);
        }
    }
}

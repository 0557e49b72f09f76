using System.Diagnostics;

namespace Workflow.Testing;

/// <summary>Runs a command-line program to its end (kubectl, node, docker, a script) and gives what it printed.</summary>
public static class CommandLine
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        /// <summary>Both streams, for an assertion's message.</summary>
        public override string ToString() => $"exit {ExitCode}: {Output}{Error}";
    }

    public static async Task<Result> RunAsync(
        string program, IEnumerable<string> arguments, string? input = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory ?? "", RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellation.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}

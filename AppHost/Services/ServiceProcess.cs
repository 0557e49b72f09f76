using System.Diagnostics;
using Workflow.AppHost.Broker;

namespace Workflow.AppHost.Services;

/// <summary>One child process, its output streamed with a prefix, stopped gracefully (SIGTERM) on request.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _prefix;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private ServiceProcess(Process process, string prefix)
    {
        _process = process;
        _prefix = prefix;
    }

    public string Name { get; private init; } = "";
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Time since this process was started: read right after it exits, how long it ran. Measured
    /// here because <see cref="Process.StartTime"/> is gone (it throws) once an exited child is reaped.
    /// </summary>
    public TimeSpan RanFor => Stopwatch.GetElapsedTime(_startedAt);

    public static ServiceProcess Start(
        string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string> environment, int colour,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var prefix = Console.IsOutputRedirected ? $"[{name}] " : $"\u001b[{colour}m[{name}]\u001b[0m ";
        var child = new ServiceProcess(process, prefix) { Name = name };
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        await Command.RunAsync("kill", ["-TERM", _process.Id.ToString()], TimeSpan.FromSeconds(5));
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            Console.Out.WriteLine(_prefix + line);
        }
    }
}

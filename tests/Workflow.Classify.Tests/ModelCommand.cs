using System.Diagnostics;
using Workflow.Testing;

namespace Workflow.Classify.Tests;

/// <summary>Runs <c>Workflow.Classify model …</c> as a user would, as its own process.</summary>
public static class ModelCommand
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(RepositoryLayout.BuiltAssembly("services/Classify", "Workflow.Classify"));
        info.ArgumentList.Add("model");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await output, await errors);
    }
}

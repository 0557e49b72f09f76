using System.Text.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The benchmark README gives runs to its end on a small load: it starts its own broker and
/// system, and its figures say every document completed as ingest recorded it, with the broker's
/// own count of deliveries. How fast is not judged here: speed is measured, not tested.
/// </summary>
public sealed class When_the_benchmark_runs
{
    [Fact]
    public async Task It_reports_every_document_completed_as_ingest_recorded_it()
    {
        var benchmark = RepositoryLayout.BuiltAssembly(Path.Combine("tests", "Workflow.Benchmarks"), "Workflow.Benchmarks");
        var run = await CommandLine.RunAsync("dotnet",
            [benchmark, "--documents", "40", "--concurrency", "4", "--low-load-documents", "3", "--rounds", "2", "--json"],
            workingDirectory: RepositoryLayout.Root, timeout: TimeSpan.FromMinutes(8));

        Assert.True(run.ExitCode == 0, run.ToString());
        var figures = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(40, figures.GetProperty("completed").GetInt32());
        Assert.Equal(0, figures.GetProperty("failed").GetInt32());
        Assert.True(figures.GetProperty("documentsPerSecond").GetDouble() > 0, run.Output);
        Assert.True(figures.GetProperty("p50Ms").GetDouble() > 0, run.Output);
        Assert.Equal(JsonValueKind.Number, figures.GetProperty("statusLagMaxMs").ValueKind);
        Assert.Equal(2, figures.GetProperty("runs").GetArrayLength());
        // Four status events a document reach ingest, one event each reaches the other four services.
        var deliveries = figures.GetProperty("brokerDeliveriesPerDocument");
        Assert.True(deliveries.GetProperty("ingest-document-status").GetDouble() >= 4, run.Output);
        Assert.True(deliveries.GetProperty("notify-document-routed").GetDouble() >= 1, run.Output);
        Assert.True(figures.GetProperty("ceilingMessagesPerSecond").GetDouble() > 0, run.Output);
    }
}

using System.CommandLine;
using Workflow.Benchmarks;

var documents = new Option<int>("--documents") { Description = "Documents in the throughput run", DefaultValueFactory = _ => 2000 };
var concurrency = new Option<int>("--concurrency") { Description = "Concurrent uploading clients", DefaultValueFactory = _ => 32 };
var lowLoad = new Option<int>("--low-load-documents") { Description = "Documents sent one at a time to measure latency at low load", DefaultValueFactory = _ => 100 };
var rounds = new Option<int>("--rounds")
{
    Description = "Throughput runs on the same system; the figures are the median run's, and each run's are listed",
    DefaultValueFactory = _ => 1,
};
rounds.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--rounds must be at least 1");
    }
});
var target = new Option<Uri?>("--target")
{
    Description = "A running system's public address (default: start one)",
    // System.CommandLine has no built-in conversion to Uri.
    CustomParser = argument => Uri.TryCreate(argument.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : null,
};
target.Validators.Add(result =>
{
    if (result.GetValueOrDefault<Uri?>() is null)
    {
        result.AddError("--target must be an absolute URL, for example http://localhost:5080");
    }
});
var broker = new Option<string?>("--broker") { Description = "The running system's broker, amqp://… (with --target)" };
var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object" };
var trace = new Option<bool>("--trace")
{
    Description = "Have the services export their traces to the benchmark, and print where the low-load documents' time goes, span by span (the throughput figures then include tracing's cost)",
};

var root = new RootCommand("Pushes documents through the whole Workflow pipeline and reports throughput, latency and memory.")
{
    documents, concurrency, lowLoad, rounds, target, broker, json, trace,
};
root.Validators.Add(result =>
{
    if (result.GetValue(trace) && result.GetValue(target) is not null)
    {
        result.AddError("--trace needs a system the benchmark starts; it cannot be used with --target");
    }
});
root.SetAction((result, cancellationToken) => BenchmarkRun.ExecuteAsync(new BenchmarkSettings(
    result.GetValue(documents), result.GetValue(concurrency), result.GetValue(lowLoad), result.GetValue(rounds),
    result.GetValue(target), result.GetValue(broker), result.GetValue(json), result.GetValue(trace)), cancellationToken));
return await root.Parse(args).InvokeAsync();

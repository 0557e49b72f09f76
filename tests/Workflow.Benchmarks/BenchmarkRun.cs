using System.Text.Json;
using System.Text.Json.Serialization;
using Workflow.Testing;

namespace Workflow.Benchmarks;

public static class BenchmarkRun
{
    private static readonly JsonSerializerOptions NamedFloats = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<int> ExecuteAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
        // Standard output carries the figures only (the JSON object with --json); all else goes to standard error.
        var figuresOut = Console.Out;
        Console.SetOut(Console.Error);
        DockerEnvironment.ApplyDefaults();
        Log(settings, "starting or attaching to the system…");
        await using var telemetry = settings.Trace ? await OtlpReceiver.StartAsync() : null;
        await using var system = await SystemUnderLoad.AttachOrStartAsync(settings, telemetry?.ExporterSettings ?? []);
        Log(settings, $"broker at {new Uri(system.BrokerConnectionString).Authority}");
        await using var broker = await RawBrokerClient.ConnectAsync(system.BrokerConnectionString);
        var completions = await broker.CaptureAsync("workflow.document-completed");
        var failures = await broker.CaptureAsync("workflow.document-processing-failed");
        var load = new LoadGenerator(system.Address, system.ApiKey, broker, completions, failures);

        Log(settings, "warming up…");
        await load.RunAsync(50, 4, cancellationToken);
        Log(settings, $"low load: {settings.LowLoadDocuments} documents, one at a time…");
        LoadResult lowLoad;
        Dictionary<string, double> hops;
        var lowLoadStarted = DateTimeOffset.UtcNow;
        await using (var breakdown = await HopBreakdown.StartAsync(system.BrokerConnectionString))
        {
            lowLoad = await load.RunOneAtATimeAsync(settings.LowLoadDocuments, cancellationToken);
            hops = breakdown.MedianMs(load.UploadStarted);
        }

        var spans = telemetry is null ? null : SpanTimeline.Of(await AllExportedAsync(telemetry), lowLoadStarted, DateTimeOffset.UtcNow);

        // Deliveries as RabbitMQ counts them, over all the throughput runs (none when its management API does not answer).
        using var counters = await BrokerCounters.ConnectAsync(system.BrokerManagement, system.BrokerConnectionString, cancellationToken);
        var deliveredBefore = counters is null ? null : await counters.SettledAsync(cancellationToken);
        var rounds = new List<(LoadResult Load, Dictionary<string, double> Cpu, double? StealPercent)>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            Log(settings, $"throughput: {settings.Documents} documents, {settings.Concurrency} concurrent clients (run {round} of {settings.Rounds})…");
            var cpu = CpuUsage.Start();
            var steal = HostSteal.Start();
            var run = await load.RunAsync(settings.Documents, settings.Concurrency, cancellationToken);
            rounds.Add((run, cpu.MillisecondsPerDocument(run.Completed), steal.Percent()));
        }

        // This machine's speed can change from one minute to the next: the median run, and every run listed.
        var deliveries = counters is null
            ? null
            : BrokerCounters.PerDocument(deliveredBefore!, await counters.SettledAsync(cancellationToken), rounds.Sum(r => r.Load.Documents));
        var deliveriesPerDocument = deliveries?.Values.Sum();
        var (throughput, cpuPerDocument, stealPercent) = rounds.OrderBy(r => r.Load.DocumentsPerSecond).ElementAt((rounds.Count - 1) / 2);
        var memory = ServiceMemory.PeakMegabytes();
        Log(settings, "ceiling: plain MassTransit publish → consume on the same broker…");
        var ceiling = await CeilingProbe.MeasureAsync(system.BrokerConnectionString, 10_000, cancellationToken);

        var figures = new
        {
            documents = throughput.Documents,
            concurrency = settings.Concurrency,
            completed = throughput.Completed,
            failed = throughput.Failed,
            documentsPerSecond = Math.Round(throughput.DocumentsPerSecond, 1),
            p50Ms = Math.Round(throughput.Percentile(50), 1),
            p95Ms = Math.Round(throughput.Percentile(95), 1),
            p99Ms = Math.Round(throughput.Percentile(99), 1),
            statusLagP50Ms = Math.Round(throughput.StatusLagPercentile(50), 1),
            statusLagMaxMs = Math.Round(throughput.StatusLagPercentile(100), 1),
            lowLoadP50Ms = Math.Round(lowLoad.Percentile(50), 1),
            lowLoadP95Ms = Math.Round(lowLoad.Percentile(95), 1),
            lowLoadP99Ms = Math.Round(lowLoad.Percentile(99), 1),
            lowLoadMedianMsToEvent = hops,
            lowLoadSpans = spans,
            brokerMessagesPerSecond = deliveriesPerDocument is { } perDocument ? Math.Round(throughput.DocumentsPerSecond * perDocument) : (double?)null,
            brokerDeliveriesPerDocument = deliveries,
            ceilingMessagesPerSecond = Math.Round(ceiling.MessagesPerSecond),
            ceilingHopP50Ms = Math.Round(ceiling.HopP50Ms, 2),
            cpuMsPerDocument = cpuPerDocument,
            hostStealPercent = stealPercent,
            peakMemoryMb = memory.ToDictionary(m => m.Key, m => Math.Round(m.Value, 1)),
            runs = rounds.Select(r => new
            {
                completed = r.Load.Completed,
                failed = r.Load.Failed,
                documentsPerSecond = Math.Round(r.Load.DocumentsPerSecond, 1),
                p50Ms = Math.Round(r.Load.Percentile(50), 1),
                cpuMsPerDocument = r.Cpu["total"],
                hostStealPercent = r.StealPercent,
            }).ToList(),
        };

        if (settings.Json)
        {
            // A run where nothing completed has no percentiles: "NaN" in the JSON, rather than no JSON at all.
            figuresOut.WriteLine(JsonSerializer.Serialize(figures, NamedFloats));
        }
        else
        {
            figuresOut.WriteLine($"""

                Workflow pipeline benchmark (upload accepted → Completed in ingest's status)
                  throughput run   {figures.completed}/{figures.documents} completed, {figures.failed} failed, {figures.concurrency} concurrent clients
                  documents/s      {figures.documentsPerSecond}{EachRun(figures.runs.Select(r => (r.documentsPerSecond, r.cpuMsPerDocument, r.completed, r.failed)).ToList(), figures.documents)}
                  host steal       {HostTook(figures.runs.Select(r => r.hostStealPercent).ToList())}
                  latency          p50 {figures.p50Ms} ms   p95 {figures.p95Ms} ms   p99 {figures.p99Ms} ms
                  status lag       p50 {figures.statusLagP50Ms} ms   max {figures.statusLagMaxMs} ms (DocumentCompleted on the broker → ingest's status says Completed)
                  low load (1 at a time, {settings.LowLoadDocuments} documents)
                  latency          p50 {figures.lowLoadP50Ms} ms   p95 {figures.lowLoadP95Ms} ms   p99 {figures.lowLoadP99Ms} ms
                  median to event  {string.Join("  ", hops.Select(h => $"{h.Key} {h.Value} ms"))}{Timeline(spans)}
                  broker           {Deliveries(figures.brokerMessagesPerSecond, deliveries)}
                  ceiling          {figures.ceilingMessagesPerSecond} messages/s (plain MassTransit publish → consume, same broker); one hop p50 {figures.ceilingHopP50Ms} ms
                  CPU per document {string.Join("  ", figures.cpuMsPerDocument.Select(c => $"{c.Key} {c.Value} ms"))}
                  peak memory      {string.Join("  ", figures.peakMemoryMb.Select(m => $"{m.Key} {m.Value} MB"))}
                """);
        }

        return rounds.All(r => r.Load.Failed == 0 && r.Load.Completed == r.Load.Documents) ? 0 : 1;
    }

    /// <summary>With several runs, each run's figures after the median's; a run that did not complete all its documents says so.</summary>
    private static string EachRun(List<(double PerSecond, double CpuMs, int Completed, int Failed)> runs, int documents)
    {
        if (runs.Count == 1)
        {
            return "";
        }

        var each = runs.Select(r => $"{r.PerSecond}/s at {r.CpuMs} ms CPU" + (r.Completed < documents ? $" ({r.Completed} completed, {r.Failed} failed)" : ""));
        return $"   (median of {runs.Count} runs: {string.Join(", ", each)})";
    }

    /// <summary>What the hypervisor took in each run: beside CPU per document, the way to tell a slow machine from slow code.</summary>
    private static string HostTook(List<double?> perRun) =>
        perRun.Any(p => p is null)
            ? "not measured (no /proc/stat)"
            : $"{string.Join(" / ", perRun.Select(p => $"{p} %"))} of the machine's CPU time went to other guests of its host";

    private static string Deliveries(double? perSecond, Dictionary<string, double>? perQueue) =>
        perQueue is null
            ? "not counted (RabbitMQ's management API did not answer)"
            : $"{perSecond} deliveries/s: {perQueue.Values.Sum():0.##} per document, as RabbitMQ counted them ({string.Join(", ", perQueue.Select(q => $"{q.Key} {q.Value:0.##}"))})";

    /// <summary>With --trace: one line per kind of span, in the order the median document met them.</summary>
    private static string Timeline(List<SpanTimeline.Step>? steps) =>
        steps is null
            ? ""
            : "\n  spans (median start after the trace's first span, median duration, per document)\n" + string.Join("\n", steps.Select(s =>
                $"    {s.StartMs,8:0.00} ms  {s.DurationMs,7:0.00} ms  ×{s.PerDocument,-4}  {s.Service,-8} {s.Name}"));

    /// <summary>
    /// Every span the services have exported so far: the receiver is read once its count has stopped
    /// growing for a second (the services export every 200 ms), or after 15 seconds.
    /// </summary>
    private static async Task<List<ReceivedSpan>> AllExportedAsync(OtlpReceiver telemetry)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var count = -1;
        while (telemetry.Spans.Count != count && DateTime.UtcNow < deadline)
        {
            count = telemetry.Spans.Count;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return [.. telemetry.Spans];
    }

    private static void Log(BenchmarkSettings settings, string line)
    {
        if (!settings.Json)
        {
            Console.Error.WriteLine("[benchmark] " + line);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>
/// Uploads documents through the public API and times each one from the moment its upload
/// starts to the moment ingest records it Completed (its <c>updatedAt</c>, what "where is my
/// document?" answers from then on). The pipeline's <c>DocumentCompleted</c> on the broker comes
/// first; under load ingest's status tracking can fall behind it (four events a document), and a
/// run is not over until ingest has caught up. Ingest's clock and this process's are taken to be
/// one (the same machine, or synchronised ones).
/// </summary>
public sealed class LoadGenerator(
    Uri address, string apiKey, RawBrokerClient broker, ConcurrentQueue<ReceivedMessage> completions, ConcurrentQueue<ReceivedMessage> failures)
{
    /// <summary>The queue ingest's status tracking reads its events from (its name in ingest's topology).</summary>
    private const string StatusQueue = "ingest-document-status";

    private const int PageSize = 200;

    /// <summary>When each document's upload started (a Stopwatch timestamp), over every run.</summary>
    public ConcurrentDictionary<Guid, long> UploadStarted { get; } = new();

    private static readonly string[] Texts =
    [
        "My laptop screen flickers and the docking station does not charge the battery.",
        "Please reset my password, my account is locked after the VPN login.",
        "Please raise a purchase order for the vendor quote attached, price 1200 EUR.",
        "The shared drive folder is full, we need more storage quota.",
        "I need administrator rights to install the compiler.",
        "Question about my salary and holiday leave balance.",
    ];

    /// <summary>
    /// Low load: one document at a time, each sent only when the previous one has completed, so
    /// the latency is the pipeline's own, without queueing.
    /// </summary>
    public async Task<LoadResult> RunOneAtATimeAsync(int documents, CancellationToken cancellationToken)
    {
        var results = new List<LoadResult>();
        for (var i = 0; i < documents; i++)
        {
            results.Add(await RunAsync(1, 1, cancellationToken));
        }

        return new LoadResult(documents, results.Sum(r => r.Completed), results.Sum(r => r.Failed),
            TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)), results.SelectMany(r => r.LatenciesMs).Order().ToArray(),
            results.SelectMany(r => r.StatusLagsMs).Order().ToArray());
    }

    public async Task<LoadResult> RunAsync(int documents, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var started = new ConcurrentDictionary<Guid, long>();
        var next = -1;
        var runStart = Stopwatch.GetTimestamp();
        var wallStart = DateTimeOffset.UtcNow;
        DateTimeOffset Wall(long timestamp) => wallStart + Stopwatch.GetElapsedTime(runStart, timestamp);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < documents)
            {
                var text = Texts[index % Texts.Length] + $" (ticket {index})";
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/v1/documents", new
                {
                    fileName = $"ticket-{index}.txt", contentType = "text/plain", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)),
                }, cancellationToken);
                response.EnsureSuccessStatusCode();
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("documentId").GetGuid();
                started[id] = start;
                UploadStarted[id] = start;
            }
        }));

        var finished = await Eventually.MatchesAsync(
            () => Task.FromResult(Finished(started)), f => f.Completed.Count + f.Failed >= started.Count,
            TimeSpan.FromMinutes(10), $"{documents} documents to finish", pollInterval: TimeSpan.FromMilliseconds(2));
        var eventAt = finished.Completed.ToDictionary(c => c.Id, c => Wall(c.At));
        var recorded = await RecordedByIngestAsync(http, started.Keys.ToHashSet(), wallStart - TimeSpan.FromSeconds(1), cancellationToken);
        var completed = recorded.Where(d => d.Status == "Completed").ToList();
        var latencies = completed.Select(d => (d.UpdatedAt - Wall(started[d.Id])).TotalMilliseconds).Order().ToArray();
        var lags = completed.Where(d => eventAt.ContainsKey(d.Id)).Select(d => (d.UpdatedAt - eventAt[d.Id]).TotalMilliseconds).Order().ToArray();
        var elapsed = completed.Count == 0 ? Stopwatch.GetElapsedTime(runStart) : completed.Max(d => d.UpdatedAt) - wallStart;
        return new LoadResult(documents, completed.Count, recorded.Count - completed.Count, elapsed, latencies, lags);
    }

    /// <summary>
    /// Each document as ingest has recorded it, once it has recorded every one finished: first
    /// until nothing waits in its status queue (asked of the broker, which costs ingest nothing),
    /// then from its API (the few events it still held by then are a moment away).
    /// </summary>
    private async Task<List<RecordedDocument>> RecordedByIngestAsync(HttpClient http, HashSet<Guid> ids, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await Eventually.MatchesAsync(() => broker.WaitingInAsync(StatusQueue), waiting => waiting is null or 0,
            TimeSpan.FromMinutes(10), "ingest's status queue to empty", pollInterval: TimeSpan.FromMilliseconds(20));
        return await Eventually.MatchesAsync(() => ListAsync(http, ids, since, cancellationToken),
            documents => documents.Count == ids.Count && documents.All(d => d.Status is "Completed" or "Failed" or "Rejected"),
            TimeSpan.FromMinutes(1), "ingest to record every document finished", pollInterval: TimeSpan.FromMilliseconds(50));
    }

    private static async Task<List<RecordedDocument>> ListAsync(HttpClient http, HashSet<Guid> ids, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new List<RecordedDocument>();
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/v1/documents?createdFrom={Uri.EscapeDataString(since.ToString("O"))}&limit={PageSize}&offset={offset}", cancellationToken);
            var items = page.GetProperty("items");
            found.AddRange(items.EnumerateArray()
                .Select(d => new RecordedDocument(d.GetProperty("documentId").GetGuid(), d.GetProperty("status").GetString()!, d.GetProperty("updatedAt").GetDateTimeOffset()))
                .Where(d => ids.Contains(d.Id)));
            if (items.GetArrayLength() < PageSize)
            {
                return found;
            }
        }
    }

    private sealed record RecordedDocument(Guid Id, string Status, DateTimeOffset UpdatedAt);

    // Each captured message is parsed once, as it is taken: re-reading them all on every poll
    // would load the very cores the services run on.
    private readonly Dictionary<Guid, long> _completedAt = [];
    private readonly HashSet<Guid> _failed = [];

    private (List<(Guid Id, long At)> Completed, int Failed) Finished(ConcurrentDictionary<Guid, long> started)
    {
        while (completions.TryDequeue(out var message))
        {
            _completedAt.TryAdd(DocumentIdOf(message), message.ReceivedAt);
        }

        while (failures.TryDequeue(out var message))
        {
            _failed.Add(DocumentIdOf(message));
        }

        var completed = started.Keys.Where(_completedAt.ContainsKey).Select(id => (id, _completedAt[id])).ToList();
        return (completed, started.Keys.Count(_failed.Contains));
    }

    internal static Guid DocumentIdOf(ReceivedMessage message) =>
        message.Json.TryGetProperty("message", out var body) && body.TryGetProperty("documentId", out var id) ? id.GetGuid() : Guid.Empty;
}

/// <param name="LatenciesMs">Upload started → ingest recorded Completed, for each completed document, in order.</param>
/// <param name="StatusLagsMs">DocumentCompleted on the broker → ingest recorded Completed, in order.</param>
public sealed record LoadResult(int Documents, int Completed, int Failed, TimeSpan Elapsed, double[] LatenciesMs, double[] StatusLagsMs)
{
    public double DocumentsPerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p) => Of(LatenciesMs, p);

    public double StatusLagPercentile(double p) => Of(StatusLagsMs, p);

    private static double Of(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

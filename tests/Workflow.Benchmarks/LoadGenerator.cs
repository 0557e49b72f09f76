using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Benchmarks;

/// <summary>
/// Uploads documents through the public API and times each one from the moment its upload
/// starts to the moment its <c>DocumentCompleted</c> reaches the broker.
/// </summary>
public sealed class LoadGenerator(Uri address, string apiKey, ConcurrentQueue<ReceivedMessage> completions, ConcurrentQueue<ReceivedMessage> failures)
{
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
            TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)), results.SelectMany(r => r.LatenciesMs).Order().ToArray());
    }

    public async Task<LoadResult> RunAsync(int documents, int concurrency, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var started = new ConcurrentDictionary<Guid, long>();
        var next = -1;
        var runStart = Stopwatch.GetTimestamp();
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
        var latencies = finished.Completed.Select(c => Stopwatch.GetElapsedTime(started[c.Id], c.At).TotalMilliseconds).Order().ToArray();
        var elapsed = Stopwatch.GetElapsedTime(runStart, finished.Completed.Max(c => c.At));
        return new LoadResult(documents, finished.Completed.Count, finished.Failed, elapsed, latencies);
    }

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

public sealed record LoadResult(int Documents, int Completed, int Failed, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double DocumentsPerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Clamp((int)Math.Ceiling(p / 100 * LatenciesMs.Length) - 1, 0, LatenciesMs.Length - 1)];
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Workflow.Benchmarks;

/// <summary>
/// Messages RabbitMQ delivered to the system's own queues, as the broker counts them (the
/// management API's <c>message_stats.deliver_get</c> per queue). The benchmark's own listeners
/// (server-named <c>amq.gen-…</c> queues) are left out. The API refreshes its figures every few
/// seconds (collect_statistics_interval, 5 s by default), so a reading is taken once they have
/// stopped moving, which they do while the system is idle between runs.
/// </summary>
public sealed class BrokerCounters : IDisposable
{
    /// <summary>How long the counters must hold still before a reading counts: more than one refresh of the API's figures.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(6);

    private readonly HttpClient _http;

    private BrokerCounters(HttpClient http) => _http = http;

    /// <summary>The counters at <paramref name="management"/>, with the AMQP URI's credentials; null when the API does not answer.</summary>
    public static async Task<BrokerCounters?> ConnectAsync(Uri management, string amqpUri, CancellationToken cancellationToken)
    {
        var user = Uri.UnescapeDataString(new Uri(amqpUri).UserInfo);
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        var counters = new BrokerCounters(http);
        try
        {
            await counters.ReadAsync(cancellationToken);
            return counters;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            http.Dispose();
            return null;
        }
    }

    /// <summary>Deliveries per queue once the counters have held still (or after a minute, whatever they say then).</summary>
    public async Task<Dictionary<string, long>> SettledAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var last = await ReadAsync(cancellationToken);
        var still = DateTime.UtcNow;
        while (DateTime.UtcNow - still < Settled && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = await ReadAsync(cancellationToken);
            if (now.Count != last.Count || now.Any(q => !last.TryGetValue(q.Key, out var before) || before != q.Value))
            {
                (last, still) = (now, DateTime.UtcNow);
            }
        }

        return last;
    }

    private async Task<Dictionary<string, long>> ReadAsync(CancellationToken cancellationToken)
    {
        using var queues = JsonDocument.Parse(await _http.GetStringAsync("api/queues?columns=name,message_stats.deliver_get", cancellationToken));
        return queues.RootElement.EnumerateArray()
            .Select(q => (Name: q.GetProperty("name").GetString()!, Delivered: q.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("deliver_get", out var n) ? n.GetInt64() : 0))
            .Where(q => !q.Name.StartsWith("amq.", StringComparison.Ordinal))
            .ToDictionary(q => q.Name, q => q.Delivered);
    }

    /// <summary>What each queue was delivered between two readings, per document; queues delivered nothing are left out.</summary>
    public static Dictionary<string, double> PerDocument(Dictionary<string, long> before, Dictionary<string, long> after, int documents) =>
        after.Select(q => (q.Key, Delivered: q.Value - before.GetValueOrDefault(q.Key)))
            .Where(q => q.Delivered > 0)
            .OrderByDescending(q => q.Delivered).ThenBy(q => q.Key, StringComparer.Ordinal)
            .ToDictionary(q => q.Key, q => Math.Round((double)q.Delivered / documents, 2));

    public void Dispose() => _http.Dispose();
}

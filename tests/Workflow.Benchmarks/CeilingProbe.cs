using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace Workflow.Benchmarks;

/// <summary>
/// The ceiling the pipeline is compared with: plain MassTransit, default settings, one consumer,
/// publish → consume on the same broker. Throughput with many messages in flight, and the latency
/// of one hop with one message at a time.
/// </summary>
public static class CeilingProbe
{
    public static async Task<(double MessagesPerSecond, double HopP50Ms)> MeasureAsync(string brokerConnectionString, int messages, CancellationToken cancellationToken)
    {
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrivals = new ConcurrentDictionary<int, TaskCompletionSource>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(brokerConnectionString));
            cfg.ReceiveEndpoint($"benchmark-ceiling-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Handler<CeilingPing>(context =>
                {
                    if (context.Message.Sequence < 0)
                    {
                        arrivals.TryGetValue(context.Message.Sequence, out var arrival);
                        arrival?.TrySetResult();
                    }
                    else if (Interlocked.Increment(ref received) == messages)
                    {
                        done.TrySetResult();
                    }

                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            var hops = new List<double>();
            for (var i = 1; i <= 200; i++)
            {
                var arrival = arrivals[-i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var sent = Stopwatch.GetTimestamp();
                var publish = bus.Publish(new CeilingPing(-i), cancellationToken);
                await arrival.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                hops.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                await publish;
            }

            var start = Stopwatch.GetTimestamp();
            foreach (var chunk in Enumerable.Range(0, messages).Chunk(100))
            {
                await Task.WhenAll(chunk.Select(i => bus.Publish(new CeilingPing(i), cancellationToken)));
            }

            await done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            return (messages / Stopwatch.GetElapsedTime(start).TotalSeconds, hops.Order().ElementAt(hops.Count / 2));
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

public sealed record CeilingPing(int Sequence);

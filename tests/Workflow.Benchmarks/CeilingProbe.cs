using System.Diagnostics;
using MassTransit;

namespace Workflow.Benchmarks;

/// <summary>
/// The ceiling the pipeline is compared with: plain MassTransit, default settings, one consumer,
/// publish → consume on the same broker.
/// </summary>
public static class CeilingProbe
{
    public static async Task<double> MessagesPerSecondAsync(string brokerConnectionString, int messages, CancellationToken cancellationToken)
    {
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(brokerConnectionString));
            cfg.ReceiveEndpoint($"benchmark-ceiling-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Handler<CeilingPing>(_ =>
                {
                    if (Interlocked.Increment(ref received) == messages)
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
            var start = Stopwatch.GetTimestamp();
            foreach (var chunk in Enumerable.Range(0, messages).Chunk(100))
            {
                await Task.WhenAll(chunk.Select(i => bus.Publish(new CeilingPing(i), cancellationToken)));
            }

            await done.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken);
            return messages / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

public sealed record CeilingPing(int Sequence);

using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Workflow.ServiceDefaults.Messaging.Durable;

/// <summary>
/// Committed outbox rows handed from the commit to this process's relay in memory, so a hop costs
/// no extra database round trip. Rows are born leased to this process (<see cref="Token"/>): if it
/// dies before publishing, the lease runs out and any replica's relay sweeps them up.
/// </summary>
public sealed class OutboxHandoff(IOptions<DurableMessagingOptions> options)
{
    private readonly Channel<OutboxMessage> _committed = Channel.CreateUnbounded<OutboxMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>This process's lease token, written on every row it commits.</summary>
    public Guid Token { get; } = Guid.NewGuid();

    public TimeSpan Lease => options.Value.RelayLease;

    public void Committed(OutboxMessage row) => _committed.Writer.TryWrite(row);

    /// <summary>Waits up to <paramref name="wait"/> for committed rows, then takes what is there (at most <paramref name="max"/>).</summary>
    public async Task<List<OutboxMessage>> TakeAsync(int max, TimeSpan wait, CancellationToken cancellationToken)
    {
        var batch = new List<OutboxMessage>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            await _committed.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return batch;
        }

        while (batch.Count < max && _committed.Reader.TryRead(out var row))
        {
            batch.Add(row);
        }

        return batch;
    }
}

using System.Collections.Concurrent;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The durability promise end to end: RabbitMQ goes away in the middle of a run; uploads are
/// still accepted (they only touch ingest's database), and when it is back every document
/// reaches the end, each with exactly one effect in every service.
/// </summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class When_the_broker_stops_in_the_middle_of_a_run(RunningWorkflowOnAFixedBrokerPort workflow)
{
    private const int Documents = 200;

    [Fact]
    public async Task All_documents_complete_once_after_it_is_back()
    {
        // Half the run, then the broker stops while those documents are still on their way.
        var before = await UploadAsync(0, Documents / 2);
        await workflow.Broker.StopAsync();

        // The other half is accepted while it is down: uploads only touch ingest's database.
        var during = await UploadAsync(Documents / 2, Documents);
        await workflow.Broker.StartAsync();

        var ids = before.Concat(during).ToList();
        Assert.Equal(Documents, ids.Distinct().Count());
        foreach (var id in ids)
        {
            await workflow.CompletesAsync(id, TimeSpan.FromMinutes(3));
        }

        // Effects, not statuses: each service did its work once per document.
        Assert.Equal(Documents, await workflow.DatabaseOf("ingest").CountAsync("SELECT COUNT(*) FROM Documents"));
        Assert.Equal(Documents, await workflow.DatabaseOf("extract").CountAsync("SELECT COUNT(*) FROM Extractions"));
        Assert.Equal(Documents, await workflow.DatabaseOf("classify").CountAsync("SELECT COUNT(*) FROM Classifications"));
        Assert.Equal(Documents, await workflow.DatabaseOf("route").CountAsync("SELECT COUNT(*) FROM Routings"));
        Assert.Equal(Documents, await workflow.DatabaseOf("notify").CountAsync("SELECT COUNT(*) FROM DocumentNotices"));
    }

    private async Task<List<Guid>> UploadAsync(int from, int to)
    {
        var ids = new ConcurrentBag<Guid>();
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < to)
            {
                ids.Add(await DocumentJourney.UploadAsync(workflow.Api, $"ticket-{index}.txt", "text/plain",
                    SampleDocuments.Text($"my laptop screen is broken, ticket {index}")));
            }
        }));
        return [.. ids];
    }
}

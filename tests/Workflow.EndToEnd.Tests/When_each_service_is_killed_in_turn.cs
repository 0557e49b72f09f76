using System.Collections.Concurrent;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// kill -9 each service in turn while documents flow: the AppHost starts it again, and every
/// document still reaches the end with exactly one effect in every service.
/// </summary>
[Collection(WorkflowCollection.Name)]
public sealed class When_each_service_is_killed_in_turn(RunningWorkflow workflow)
{
    private const int Documents = 100;

    [Fact]
    public async Task Every_document_completes_once()
    {
        var ids = new ConcurrentBag<Guid>();
        var next = -1;
        var uploads = Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Documents)
            {
                ids.Add(await DocumentJourney.UploadAsync(workflow.Api, $"kill-{index}.txt", "text/plain",
                    SampleDocuments.Text($"please raise a purchase order for the vendor quote {index}")));
            }
        }));

        foreach (var (service, after) in new[] { ("extract", 10), ("classify", 30), ("route", 50), ("notify", 70) })
        {
            await Eventually.MatchesAsync(() => Task.FromResult(ids.Count), n => n >= after, TimeSpan.FromMinutes(1), $"{after} uploads");
            await workflow.KillServiceAsync(service);
        }

        await uploads;
        // Ingest last: a client whose upload is cut off cannot know its id (idempotency keys come later).
        await workflow.KillServiceAsync("ingest");

        foreach (var id in ids)
        {
            await workflow.CompletesAsync(id, TimeSpan.FromMinutes(2));
        }

        var all = ids.ToList();
        Assert.Equal(Documents, all.Distinct().Count());
        Assert.Equal(Documents, await workflow.DatabaseOf("ingest").CountForAsync("Documents", "Id", all));
        Assert.Equal(Documents, await workflow.DatabaseOf("extract").CountForAsync("Extractions", "DocumentId", all));
        Assert.Equal(Documents, await workflow.DatabaseOf("classify").CountForAsync("Classifications", "DocumentId", all));
        Assert.Equal(Documents, await workflow.DatabaseOf("route").CountForAsync("Routings", "DocumentId", all));
        Assert.Equal(Documents, await workflow.DatabaseOf("notify").CountForAsync("DocumentNotices", "DocumentId", all));
    }
}

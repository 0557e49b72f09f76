using MassTransit;
using Workflow.Ingest.Documents;
using Workflow.Ingest.Data;

namespace Workflow.Ingest.Timeline;

/// <summary>
/// Records every event the status state machine receives, moved the status or not (a late event
/// is history too), in the same unit of work as the state change.
/// </summary>
public sealed class TimelineFilter<T>(IngestDbContext db, TimeProvider clock) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        await next.Send(context);
        if (TimelineEvents.From(context.Message, SendingService.Of(context) ?? "external", clock.GetUtcNow()) is { } entry)
        {
            db.Timeline.Add(entry);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("timeline");
}

using Workflow.Contracts;
using Workflow.Ingest.Consumers;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Tests;

/// <summary>
/// Ingest refuses to start when an event of the status state machine has no consumer to take it
/// to the group commit; that check is only as good as the lists it compares.
/// </summary>
public sealed class When_status_events_are_consumed
{
    private static readonly Type[] Expected =
    [
        typeof(DocumentTextExtracted), typeof(DocumentClassified), typeof(DocumentAwaitingReview), typeof(DocumentRouted),
        typeof(DocumentCompleted), typeof(DocumentRejected), typeof(DocumentProcessingFailed),
    ];

    [Fact]
    public void The_state_machine_names_every_message_it_reacts_to_and_none_of_its_state_events() =>
        Assert.Equal(Expected.Select(t => t.Name).Order(), new DocumentStatusStateMachine().MessageTypes().Select(t => t.Name).Order());

    [Fact]
    public void The_status_consumer_takes_every_one_of_them() =>
        Assert.Equal(Expected.Select(t => t.Name).Order(), DocumentStatusConsumer.MessageTypes().Select(t => t.Name).Order());
}

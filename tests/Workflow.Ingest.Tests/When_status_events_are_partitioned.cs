using Workflow.Contracts;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Tests;

/// <summary>
/// Ingest refuses to start when an event of the status state machine is not partitioned by
/// document; that check is only as good as the list of the machine's messages it compares with.
/// </summary>
public sealed class When_status_events_are_partitioned
{
    [Fact]
    public void The_state_machine_names_every_message_it_reacts_to_and_none_of_its_state_events()
    {
        Type[] expected =
        [
            typeof(DocumentTextExtracted), typeof(DocumentClassified), typeof(DocumentAwaitingReview), typeof(DocumentRouted),
            typeof(DocumentCompleted), typeof(DocumentRejected), typeof(DocumentProcessingFailed),
        ];

        Assert.Equal(expected.Select(t => t.Name).Order(), new DocumentStatusStateMachine().MessageTypes().Select(t => t.Name).Order());
    }
}

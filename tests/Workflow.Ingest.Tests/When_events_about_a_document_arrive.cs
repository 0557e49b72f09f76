using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Tests;

/// <summary>The read model's promise: whatever order events arrive in, status only moves forward.</summary>
public sealed class When_events_about_a_document_arrive
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Document Uploaded() =>
        Document.Received(Guid.NewGuid(), "a.txt", "text/plain", 10, "api", null, "documents/a", T0);

    [Fact]
    public void In_order_they_walk_the_document_to_completed()
    {
        var document = Uploaded();
        document.Extracted(T0.AddSeconds(1));
        document.Classified("Hardware", 0.8, T0.AddSeconds(2));
        document.Routed("Hardware", 0.8, "IT Operations", T0.AddSeconds(3));
        document.Completed("Hardware", 0.8, "IT Operations", 0, 0, T0.AddSeconds(4));

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(("Hardware", 0.8, "IT Operations"), (document.Category, document.Confidence!.Value, document.Department));
        Assert.Equal(T0.AddSeconds(4), document.UpdatedAt);
    }

    [Fact]
    public void A_late_event_fills_in_its_facts_but_never_moves_the_status_back()
    {
        var document = Uploaded();
        document.Routed("Hardware", 0.8, "IT Operations", T0.AddSeconds(3));
        document.Classified("Hardware", 0.8, T0.AddSeconds(2));
        document.Extracted(T0.AddSeconds(1));

        Assert.Equal(DocumentStatus.Routed, document.Status);
        Assert.Equal("Hardware", document.Category);
        Assert.Equal(T0.AddSeconds(3), document.UpdatedAt);
    }

    [Fact]
    public void A_document_waiting_for_review_shows_it_until_it_is_routed()
    {
        var document = Uploaded();
        document.Classified("Purchase", 0.3, T0.AddSeconds(1));
        document.AwaitingReview("Purchase", 0.3, T0.AddSeconds(2));

        Assert.Equal(DocumentStatus.AwaitingReview, document.Status);

        document.Routed("Purchase", 0.3, "Service Desk", T0.AddSeconds(3));
        Assert.Equal(DocumentStatus.Routed, document.Status);
    }

    [Fact]
    public void Completion_seen_before_routing_already_shows_every_decision()
    {
        var document = Uploaded();
        document.Completed("Purchase", 0.7, "Procurement", 0, 0, T0.AddSeconds(4));

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(("Purchase", 0.7, "Procurement"), (document.Category, document.Confidence!.Value, document.Department));
    }

    [Fact]
    public void A_failure_keeps_the_step_and_reason_when_earlier_steps_report_late()
    {
        var document = Uploaded();
        document.Failed("classify", "Document store has no entry", T0.AddSeconds(2));
        document.Extracted(T0.AddSeconds(1));

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(("classify", "Document store has no entry"), (document.FailedStep, document.FailureReason));
    }

    [Fact]
    public void A_failed_step_that_succeeds_after_a_redrive_carries_the_document_on()
    {
        var document = Uploaded();
        document.Failed("classify", "Document store has no entry", T0.AddSeconds(2));
        document.Classified("Hardware", 0.8, T0.AddSeconds(3));
        document.Completed("Hardware", 0.8, "IT Operations", 0, 0, T0.AddSeconds(4));

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Null(document.FailureReason);
        Assert.Null(document.FailedStep);
    }

    [Fact]
    public void A_completed_document_ignores_a_later_failure()
    {
        var document = Uploaded();
        document.Completed("Hardware", 0.8, "IT Operations", 0, 0, T0.AddSeconds(1));
        document.Failed("notify", "late", T0.AddSeconds(2));

        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Null(document.FailureReason);
    }

    [Fact]
    public void Every_change_bumps_the_concurrency_version()
    {
        var document = Uploaded();
        var before = document.Version;
        document.Extracted(T0.AddSeconds(1));
        document.Extracted(T0.AddSeconds(2));

        Assert.Equal(before + 2, document.Version);
    }
}

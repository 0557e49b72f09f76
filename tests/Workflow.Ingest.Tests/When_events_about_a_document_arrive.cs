using MassTransit;
using MassTransit.Saga;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Contracts;
using Workflow.Ingest.Documents;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>
/// The status state machine's promise, event by event (MassTransit's in-memory test harness; the
/// broker and database tests cover the same machine persisted): whatever order events arrive in,
/// a document's status only moves forward, and a failure is undone only by the step that failed.
/// </summary>
public sealed class When_events_about_a_document_arrive : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly Guid _id = Guid.NewGuid();
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private ISagaStateMachineTestHarness<DocumentStatusStateMachine, Document> _saga = null!;

    public async Task InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddMassTransitTestHarness(x => x.AddSagaStateMachine<DocumentStatusStateMachine, Document>().InMemoryRepository())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _saga = _harness.GetSagaStateMachineHarness<DocumentStatusStateMachine, Document>();
    }

    [Fact]
    public async Task In_order_they_walk_the_document_to_completed()
    {
        await UploadedAsync();
        await ArriveAsync(Extracted());
        await ArriveAsync(Classified("Hardware", 0.8));
        await ArriveAsync(Routed("Hardware", 0.8, "IT Operations"));
        await ArriveAsync(Completed("Hardware", 0.8, "IT Operations", delivered: 2));

        var document = Document();
        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(("Hardware", 0.8, "IT Operations", 2), (document.Category, document.Confidence!.Value, document.Department, document.NotificationsDelivered));
    }

    [Fact]
    public async Task A_late_event_never_moves_the_status_back()
    {
        await UploadedAsync();
        await ArriveAsync(Routed("Hardware", 0.8, "IT Operations"));
        await ArriveAsync(Classified("Purchase", 0.4));
        await ArriveAsync(Extracted());

        var document = Document();
        Assert.Equal(DocumentStatus.Routed, document.Status);
        Assert.Equal(("Hardware", "IT Operations"), (document.Category, document.Department));
    }

    [Fact]
    public async Task An_event_that_overtakes_the_upload_creates_the_document_and_shows_its_step()
    {
        await ArriveAsync(Classified("Access", 0.9));

        var document = Document();
        Assert.Equal(DocumentStatus.Classified, document.Status);
        Assert.False(document.IsDescribed);
        Assert.NotEqual(default, document.CreatedAt);
    }

    [Fact]
    public async Task A_document_waiting_for_review_shows_it_until_it_is_routed_or_rejected()
    {
        await UploadedAsync();
        await ArriveAsync(Classified("Purchase", 0.3));
        await ArriveAsync(new DocumentAwaitingReview { DocumentId = _id, Category = "Purchase", Confidence = 0.3, Reason = "low confidence", ReviewDeadline = T0.AddDays(1) });
        Assert.Equal(DocumentStatus.AwaitingReview, Document().Status);

        await ArriveAsync(new DocumentRejected
        {
            DocumentId = _id, Category = "Purchase", Confidence = 0.3, Review = new ReviewOutcome(ReviewDecisions.Reject, "alice", null, T0), RejectedAt = T0,
        });
        await ArriveAsync(Routed("Purchase", 0.3, "Service Desk"));

        Assert.Equal(DocumentStatus.Rejected, Document().Status);
    }

    [Fact]
    public async Task Completion_seen_before_routing_already_shows_every_decision()
    {
        await UploadedAsync();
        await ArriveAsync(Completed("Purchase", 0.7, "Procurement"));

        var document = Document();
        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Equal(("Purchase", 0.7, "Procurement"), (document.Category, document.Confidence!.Value, document.Department));
    }

    [Fact]
    public async Task A_failure_keeps_the_step_and_reason_when_earlier_steps_report_late()
    {
        await UploadedAsync();
        await ArriveAsync(Failure("classify", "Document store has no entry"));
        await ArriveAsync(Extracted());

        var document = Document();
        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(("classify", "Document store has no entry"), (document.FailedStep, document.FailureReason));
    }

    [Fact]
    public async Task A_failed_step_that_succeeds_after_a_redrive_carries_the_document_on()
    {
        await UploadedAsync();
        await ArriveAsync(Failure("classify", "Document store has no entry"));
        await ArriveAsync(Classified("Hardware", 0.8));
        await ArriveAsync(Completed("Hardware", 0.8, "IT Operations"));

        var document = Document();
        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Null(document.FailureReason);
        Assert.Null(document.FailedStep);
    }

    [Fact]
    public async Task A_completed_document_ignores_a_later_failure()
    {
        await UploadedAsync();
        await ArriveAsync(Completed("Hardware", 0.8, "IT Operations"));
        await ArriveAsync(Failure("notify", "late"));

        var document = Document();
        Assert.Equal(DocumentStatus.Completed, document.Status);
        Assert.Null(document.FailureReason);
    }

    /// <summary>As the API and the upload consumer do: the document exists in Received before any step reports.</summary>
    private Task UploadedAsync()
    {
        _provider.GetRequiredService<IndexedSagaDictionary<Document>>()
            .Add(new SagaInstance<Document>(Documents.Document.Received(_id, "acme", "a.txt", "text/plain", 10, "api", null, "documents/a", null, T0)));
        return Task.CompletedTask;
    }

    private async Task ArriveAsync<T>(T message)
        where T : class
    {
        var before = _saga.Consumed.Select<T>().Count();
        await _harness.Bus.Publish(message);
        await Eventually.MatchesAsync(() => Task.FromResult(_saga.Consumed.Select<T>().Count()), n => n > before,
            TimeSpan.FromSeconds(10), $"the state machine to consume {typeof(T).Name}", TimeSpan.FromMilliseconds(5));
    }

    private Document Document() => _saga.Sagas.Contains(_id) ?? throw new InvalidOperationException("no document");

    private DocumentTextExtracted Extracted() => new() { DocumentId = _id, Format = "text", ExtractedAt = T0 };

    private DocumentClassified Classified(string category, double confidence) => new() { DocumentId = _id, Category = category, Confidence = confidence, Classifier = "test" };

    private DocumentRouted Routed(string category, double confidence, string department) =>
        new() { DocumentId = _id, Category = category, Confidence = confidence, Department = department, RuleId = "r" };

    private DocumentCompleted Completed(string category, double confidence, string department, int delivered = 0) =>
        new() { DocumentId = _id, Category = category, Confidence = confidence, Department = department, NotificationsDelivered = delivered };

    private DocumentProcessingFailed Failure(string step, string reason) => new() { DocumentId = _id, Step = step, Reason = reason, FailedAt = T0 };

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }
}

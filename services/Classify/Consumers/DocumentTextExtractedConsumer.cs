using System.Diagnostics;
using MassTransit;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Classify.Classification;
using Workflow.Classify.Data;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;
using Workflow.ServiceDefaults.Telemetry;
using Workflow.ServiceDefaults.Data;

namespace Workflow.Classify.Consumers;

public sealed class DocumentTextExtractedConsumer(
    FallbackClassifier classifier, ClassifyDbContext db, EventOutbox outbox, IDocumentStore store, TimeProvider clock)
    : IConsumer<DocumentTextExtracted>
{
    public async Task Consume(ConsumeContext<DocumentTextExtracted> context)
    {
        var message = context.Message;
        var text = message.Text ?? await ReadStoredAsync(message, context.CancellationToken);
        var started = Stopwatch.GetTimestamp();
        var decision = await classifier.ClassifyAsync(text, context.CancellationToken);
        var latency = Stopwatch.GetElapsedTime(started);
        WorkflowMetrics.ClassificationConfidence.Record(decision.Confidence, new KeyValuePair<string, object?>("workflow.classifier", decision.Classifier));

        var record = await db.FindByKeyAsync<DocumentClassification>(message.DocumentId, context.CancellationToken);
        if (record is null)
        {
            record = new DocumentClassification { DocumentId = message.DocumentId };
            db.Classifications.Add(record);
        }

        record.Category = decision.Category;
        record.Confidence = decision.Confidence;
        record.Classifier = decision.Classifier;
        record.Explanation = decision.Explanation;
        record.ClassifiedAt = clock.GetUtcNow();
        record.LatencyMs = Math.Round(latency.TotalMilliseconds, 3);
        record.InputTokens = decision.Usage?.InputTokens;
        record.OutputTokens = decision.Usage?.OutputTokens;
        record.CostUsd = decision.Usage?.CostUsd;
        outbox.Publish(new DocumentClassified
        {
            DocumentId = message.DocumentId,
            Category = record.Category,
            Confidence = record.Confidence,
            Classifier = record.Classifier,
            Explanation = record.Explanation,
            ClassifiedAt = record.ClassifiedAt,
            LatencyMs = record.LatencyMs,
            InputTokens = record.InputTokens,
            OutputTokens = record.OutputTokens,
            CostUsd = record.CostUsd,
            TenantId = message.TenantId,
            Source = message.Source,
            Sender = message.Sender,
            Entities = message.Entities,
        });
    }

    private async Task<string> ReadStoredAsync(DocumentTextExtracted message, CancellationToken cancellationToken)
    {
        if (message.TextStorageKey is null)
        {
            throw new InvalidMessageException($"DocumentTextExtracted {message.DocumentId} has neither text nor textStorageKey.");
        }

        await using var stored = await store.OpenReadAsync(message.TextStorageKey, cancellationToken);
        using var reader = new StreamReader(stored);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Contracts;
using Workflow.ServiceDefaults.Http.Idempotency;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>
/// The shared unit of work asks the inbox first only for redeliveries. A repeat that is not one (a
/// client publishing twice) runs the consumer again, and a consumer may then refuse on what the
/// first copy left. That refusal is not a failure: the inbox is asked, finds the message, and the
/// copy is dropped at once, without retries and without reaching the error queue. No product
/// consumer refuses a repeat today, so this test brings its own, on ingest's bus and database.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class When_a_repeat_fails_on_what_the_first_copy_did(IngestHost host) : IDisposable
{
    private const string Queue = "ingest-tests-decides-once";

    private readonly ConsumedMessageCounts _consumed = new();

    [Fact]
    public async Task The_copy_is_dropped_without_retries_and_the_effect_stays_single()
    {
        var connector = host.Services.GetRequiredService<IReceiveEndpointConnector>();
        var endpoint = connector.ConnectReceiveEndpoint(Queue, (context, e) =>
        {
            // As the bus configures every service's endpoints.
            e.UseDurableConsumption(context);
            e.Consumer<DecidesOnce>(context);
        });
        await endpoint.Ready;
        try
        {
            await using var broker = await RawBrokerClient.ConnectAsync(host.BrokerConnectionString);
            var document = Guid.NewGuid();
            var messageId = Guid.NewGuid().ToString();
            var decision = new { documentId = document, decision = ReviewDecisions.Approve, reviewer = "tests" };

            await broker.PublishEventAsync("workflow.review-decision-submitted", decision, messageId);
            await Eventually.MatchesAsync(() => Task.FromResult(Outcome("processed")), n => n == 1, TimeSpan.FromSeconds(30), "the first copy processed");

            await broker.PublishEventAsync("workflow.review-decision-submitted", decision, messageId);
            await Eventually.MatchesAsync(() => Task.FromResult(Outcome("duplicate")), n => n == 1, TimeSpan.FromSeconds(30), "the second copy dropped as a repeat");

            // The consumer ran once for each copy: the refusal was not retried.
            Assert.Equal(2, DecidesOnce.Attempts.GetValueOrDefault(document));
            Assert.Equal(0, Outcome("failed"));
            Assert.Null(await broker.TakeAsync(Queue + "_error"));
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
            Assert.Equal(1, await db.IdempotentResponses.CountAsync(r => r.Key == DecidesOnce.KeyOf(document)));
            Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Consumer == Queue && m.MessageId == messageId.Replace("-", "")));
        }
        finally
        {
            await endpoint.StopAsync();
        }
    }

    private long Outcome(string outcome) => _consumed.Of(Queue, outcome);

    public void Dispose() => _consumed.Dispose();

    /// <summary>
    /// Records one decision per document and refuses a second, as a consumer that checks the state
    /// it is about to change does. The record is a row of a table every service's database has.
    /// Registered by <see cref="IngestHost"/>, connected only by this test.
    /// </summary>
    internal sealed class DecidesOnce(ServiceDbContext db) : IConsumer<ReviewDecisionSubmitted>
    {
        public static readonly ConcurrentDictionary<Guid, int> Attempts = new();

        public static string KeyOf(Guid document) => $"decision-{document:N}";

        public async Task Consume(ConsumeContext<ReviewDecisionSubmitted> context)
        {
            var document = context.Message.DocumentId;
            Attempts.AddOrUpdate(document, 1, (_, n) => n + 1);
            if (await db.IdempotentResponses.AnyAsync(r => r.TenantId == "tests" && r.Key == KeyOf(document), context.CancellationToken))
            {
                throw new InvalidOperationException($"Document {document} has already been decided.");
            }

            db.IdempotentResponses.Add(new IdempotentResponse
            {
                TenantId = "tests", Key = KeyOf(document), RequestHash = "", CreatedAt = context.Now(), CompletedAt = context.Now(),
            });
        }
    }
}

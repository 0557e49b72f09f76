using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Apis;
using Workflow.Ingest.Consumers;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;
using Workflow.Ingest.Timeline;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable.Sagas;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Extensions;

public static class Extensions
{
    private const string ServiceName = "ingest";
    private const string StatusQueue = "ingest-document-status";
    private const string UploadQueue = "ingest-document-uploaded";

    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IngestDbContext, SqliteIngestDbContext, SqlServerIngestDbContext>("ingestdb");
        builder.AddDocumentStore();
        builder.Services.AddScoped<DocumentIntake>();
        builder.Services.AddScoped(typeof(TimelineFilter<>));
        builder.Services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);

        builder.AddMessaging(ServiceName, x =>
        {
            x.AddConsumer<DocumentUploadedConsumer, AcceptsPlainJson<DocumentUploadedConsumer>>()
                .Endpoint(e => e.Name = UploadQueue);
            x.AddSagaStateMachine<DocumentStatusStateMachine, Document>(OneEventPerDocumentAtATime)
                .ServiceDatabaseRepository()
                .Endpoint(e => e.Name = StatusQueue);
            // Inside the unit of work (added after it): every event the state machine receives joins the timeline.
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                if (queue == StatusQueue)
                {
                    endpoint.UseConsumeFilter(typeof(TimelineFilter<>), context);
                }

                if (queue == UploadQueue && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Bound through a filter that leaves out the uploads ingest published itself.
                    rabbit.ConfigureConsumeTopology = false;
                    rabbit.ConfigureChannel(c => c.UseFilter(new OthersUploadsOnly(queue, ServiceName)));
                }
            });

            AddStepFaults<DocumentUploaded>(x, "ingest-document-uploaded-fault");
            AddStepFaults<DocumentTextExtracted>(x, "ingest-document-text-extracted-fault");
            AddStepFaults<DocumentClassified>(x, "ingest-document-classified-fault");
            AddStepFaults<DocumentRouted>(x, "ingest-document-routed-fault");
        });
        return builder;
    }

    /// <summary>
    /// Events about one document are applied one after the other (hashed by document id into
    /// partitions), so two that arrive together wait for each other instead of colliding on the
    /// document's version and retrying (about one status event in twenty did under benchmark load,
    /// each a logged retry). Another replica's events can still collide; the retry covers that.
    /// An event the state machine declares but this list misses stops the service at start.
    /// </summary>
    private static void OneEventPerDocumentAtATime(IRegistrationContext context, ISagaConfigurator<Document> saga)
    {
        var partitioner = saga.CreatePartitioner(16);
        var partitioned = new HashSet<Type>();
        void ByDocument<T>(Func<T, Guid> documentId)
            where T : class
        {
            saga.Message<T>(m => m.UsePartitioner(partitioner, c => documentId(c.Message)));
            partitioned.Add(typeof(T));
        }

        ByDocument<DocumentTextExtracted>(m => m.DocumentId);
        ByDocument<DocumentClassified>(m => m.DocumentId);
        ByDocument<DocumentAwaitingReview>(m => m.DocumentId);
        ByDocument<DocumentRouted>(m => m.DocumentId);
        ByDocument<DocumentCompleted>(m => m.DocumentId);
        ByDocument<DocumentRejected>(m => m.DocumentId);
        ByDocument<DocumentProcessingFailed>(m => m.DocumentId);

        // The machine MassTransit registered (a singleton), rather than building a second one to ask.
        var machine = context.GetRequiredService<DocumentStatusStateMachine>();
        var missed = machine.MessageTypes().Except(partitioned).Select(t => t.Name).ToList();
        if (missed.Count > 0)
        {
            throw new InvalidOperationException($"The document status events {string.Join(", ", missed)} are not partitioned by document: add them here.");
        }
    }

    private static void AddStepFaults<T>(IBusRegistrationConfigurator x, string queue)
        where T : class =>
        x.AddConsumer<StepFaultConsumer<T>>().Endpoint(e => e.Name = queue);
}

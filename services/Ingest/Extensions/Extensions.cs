using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Apis;
using Workflow.Ingest.Consumers;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Messaging.Durable;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Extensions;

public static class Extensions
{
    private const string ServiceName = "ingest";
    private const string StatusQueue = DocumentStatusWriter.Queue;
    private const string UploadQueue = "ingest-document-uploaded";

    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IngestDbContext, SqliteIngestDbContext, SqlServerIngestDbContext>("ingestdb");
        builder.AddDocumentStore();
        builder.Services.AddScoped<DocumentIntake>();
        builder.Services.AddSingleton<DocumentStatusStateMachine>();
        builder.Services.AddSingleton<DocumentStatusWriter>();
        // Before the messaging: it starts before the first status event arrives and stops after the last.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DocumentStatusWriter>());
        builder.Services.AddSingleton(new OwnUnitOfWork(StatusQueue));
        builder.Services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);

        builder.AddMessaging(ServiceName, x =>
        {
            x.AddConsumer<DocumentUploadedConsumer, AcceptsPlainJson<DocumentUploadedConsumer>>()
                .Endpoint(e => e.Name = UploadQueue);
            x.AddConsumer<DocumentStatusConsumer>().Endpoint(e =>
            {
                e.Name = StatusQueue;
                // Deliveries wait in the writer's next group commit, not on the CPU: the more of them
                // in hand, the larger the group under load.
                e.PrefetchCount = DocumentStatusWriter.MaxBatch;
                e.ConcurrentMessageLimit = DocumentStatusWriter.MaxBatch;
            });
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
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

    private static void AddStepFaults<T>(IBusRegistrationConfigurator x, string queue)
        where T : class =>
        x.AddConsumer<StepFaultConsumer<T>>().Endpoint(e => e.Name = queue);
}

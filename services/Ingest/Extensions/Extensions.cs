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
    private const string StatusQueue = "ingest-document-status";

    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IngestDbContext, SqliteIngestDbContext, SqlServerIngestDbContext>("ingestdb");
        builder.AddDocumentStore();
        builder.Services.AddScoped<DocumentIntake>();
        builder.Services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);

        builder.AddMessaging("ingest", x =>
        {
            x.AddConsumer<DocumentUploadedConsumer, AcceptsPlainJson<DocumentUploadedConsumer>>();
            x.AddSagaStateMachine<DocumentStatusStateMachine, Document>()
                .ServiceDatabaseRepository()
                .Endpoint(e => e.Name = StatusQueue);
            // Inside the unit of work (added after it): every event the state machine receives joins the timeline.
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                if (queue == StatusQueue)
                {
                    endpoint.UseConsumeFilter(typeof(TimelineFilter<>), context);
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

using MassTransit;
using Workflow.Contracts;
using Workflow.Ingest.Apis;
using Workflow.Ingest.Consumers;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Ingest.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IngestDbContext, SqliteIngestDbContext, SqlServerIngestDbContext>("ingestdb");
        builder.AddDocumentStore();
        builder.Services.AddScoped<DocumentStatusProjection>();
        builder.Services.AddScoped<DocumentIntake>();
        builder.Services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);

        builder.AddMessaging("ingest", x =>
        {
            x.AddConsumer<DocumentUploadedConsumer, AcceptsPlainJson<DocumentUploadedConsumer>>();
            x.AddConsumer<DocumentTextExtractedConsumer>();
            x.AddConsumer<DocumentClassifiedConsumer>();
            x.AddConsumer<DocumentAwaitingReviewConsumer>();
            x.AddConsumer<DocumentRejectedConsumer>();
            x.AddConsumer<DocumentRoutedConsumer>();
            x.AddConsumer<DocumentCompletedConsumer>();
            x.AddConsumer<DocumentProcessingFailedConsumer>();

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

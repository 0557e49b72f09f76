using Workflow.Classify.Classification;
using Workflow.Classify.Consumers;
using Workflow.Classify.Data;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Classify.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddClassifyServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ClassifyDbContext, SqliteClassifyDbContext, SqlServerClassifyDbContext>("classifydb");
        builder.AddDocumentStore();
        builder.Services.AddSingleton<IDocumentClassifier, KeywordClassifier>();

        builder.AddMessaging("classify", x => x.AddConsumer<DocumentTextExtractedConsumer>());
        return builder;
    }
}

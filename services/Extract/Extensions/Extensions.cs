using MassTransit;
using Microsoft.Extensions.Options;
using Workflow.Extract.Consumers;
using Workflow.Extract.Data;
using Workflow.Extract.Entities;
using Workflow.Extract.Extraction;
using Workflow.Extract.Extraction.Ocr;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Storage;

namespace Workflow.Extract.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddExtractServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ExtractDbContext, SqliteExtractDbContext, SqlServerExtractDbContext>("extractdb");
        builder.AddDocumentStore();
        builder.Services.AddSingleton(sp => new TextExtractor(sp.GetRequiredService<IOptions<ExtractionLimits>>().Value, sp.GetRequiredService<TesseractOcr>()));
        builder.Services.AddSingleton(sp => new TesseractOcr(sp.GetRequiredService<IOptions<OcrOptions>>().Value));
        builder.Services.AddOptions<OcrOptions>().BindConfiguration(OcrOptions.Section);
        // Phone numbers written without a country code are read as this region's (ISO 3166 code).
        builder.Services.AddSingleton(new EntityFinder(builder.Configuration["Extract:Entities:DefaultRegion"] ?? "US"));
        builder.Services.AddOptions<ExtractionLimits>().BindConfiguration(ExtractionLimits.Section);

        builder.AddMessaging("extract", x => x.AddConsumer<DocumentUploadedConsumer, AcceptsPlainJson<DocumentUploadedConsumer>>());
        return builder;
    }
}

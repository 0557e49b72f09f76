using Workflow.Classify.Classification;
using Workflow.Classify.Classification.Llm;
using Workflow.Classify.Classification.LocalModel;
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
        builder.AddClassifiers();

        builder.AddMessaging("classify", x => x.AddConsumer<DocumentTextExtractedConsumer>());
        return builder;
    }

    /// <summary>
    /// The providers named in <c>Classification:Providers</c>, in that order (default: the local
    /// model), then the keyword rules as the last resort.
    /// </summary>
    private static void AddClassifiers(this IHostApplicationBuilder builder)
    {
        var names = builder.Configuration.GetSection("Classification:Providers").Get<string[]>() ?? [LocalModelClassifier.ProviderName];
        var modelPath = builder.Configuration[LocalModelOptions.PathSetting] ?? LocalModelOptions.ShippedModelPath;
        builder.Services.AddSingleton<KeywordClassifier>();
        var llm = builder.Configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        builder.Services.AddSingleton(sp => new LlmClassifier(LlmChatClients.For(llm), llm, sp.GetRequiredService<ILogger<LlmClassifier>>()));
        builder.Services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<FallbackClassifier>>();
            var providers = names.Select(name => name switch
            {
                LocalModelClassifier.ProviderName => (IDocumentClassifier?)TryLoad(modelPath, logger),
                LlmClassifier.ProviderName => sp.GetRequiredService<LlmClassifier>(),
                KeywordClassifier.ProviderName => sp.GetRequiredService<KeywordClassifier>(),
                _ => throw new InvalidOperationException(
                    $"Classification:Providers names '{name}'; known providers are {LocalModelClassifier.ProviderName}, {LlmClassifier.ProviderName} and {KeywordClassifier.ProviderName}."),
            }).OfType<IDocumentClassifier>().ToList();
            if (providers.LastOrDefault() is not KeywordClassifier)
            {
                providers.Add(sp.GetRequiredService<KeywordClassifier>());
            }

            return new FallbackClassifier(providers, logger);
        });
    }

    private static LocalModelClassifier? TryLoad(string modelPath, ILogger logger)
    {
        try
        {
            return LocalModelClassifier.Load(modelPath);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            logger.LogError(e, "The local model at {ModelPath} could not be loaded; classifying with the next provider", modelPath);
            return null;
        }
    }
}

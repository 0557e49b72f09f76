using Microsoft.Extensions.Logging;

namespace Workflow.Classify.Classification;

/// <summary>
/// The configured providers in order (<c>Classification:Providers</c>): the first that answers
/// decides; one that fails (a model that will not load, an LLM that times out) hands over to the
/// next (a provider's own timeout included; only the caller's cancellation stops the chain).
/// The keyword rules come last and always answer.
/// </summary>
public sealed class FallbackClassifier(IReadOnlyList<IDocumentClassifier> providers, ILogger<FallbackClassifier> logger)
{
    public IReadOnlyList<IDocumentClassifier> Providers => providers;

    public async ValueTask<Classification> ClassifyAsync(string text, CancellationToken cancellationToken)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                return await providers[i].ClassifyAsync(text, cancellationToken);
            }
            catch (Exception e) when (i < providers.Count - 1 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Classifier {Classifier} failed; falling back to {Next}", providers[i].Name, providers[i + 1].Name);
            }
        }
    }
}

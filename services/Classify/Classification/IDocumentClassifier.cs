namespace Workflow.Classify.Classification;

/// <summary>Decides what a document is from its text: one provider (trained model, LLM, rules).</summary>
public interface IDocumentClassifier
{
    /// <summary>Name and version, recorded with every decision it makes.</summary>
    string Name { get; }

    ValueTask<Classification> ClassifyAsync(string text, CancellationToken cancellationToken);
}

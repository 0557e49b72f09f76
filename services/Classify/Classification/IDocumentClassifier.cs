namespace Workflow.Classify.Classification;

/// <summary>Decides what a document is from its text.</summary>
public interface IDocumentClassifier
{
    Classification Classify(string text);
}

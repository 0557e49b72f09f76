namespace Workflow.Classify.Classification;

/// <param name="Confidence">Between 0 and 1.</param>
/// <param name="Classifier">Name and version of the classifier that decided.</param>
public sealed record Classification(string Category, double Confidence, string Classifier, string Explanation);

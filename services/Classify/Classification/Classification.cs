namespace Workflow.Classify.Classification;

/// <param name="Confidence">Between 0 and 1.</param>
/// <param name="Classifier">Name and version of the classifier that decided.</param>
/// <param name="Usage">Tokens and cost, for providers that charge by the token (an LLM).</param>
public sealed record Classification(string Category, double Confidence, string Classifier, string Explanation, TokenUsage? Usage = null);

public sealed record TokenUsage(int InputTokens, int OutputTokens, decimal? CostUsd);

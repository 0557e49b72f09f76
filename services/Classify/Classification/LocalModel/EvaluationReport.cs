namespace Workflow.Classify.Classification.LocalModel;

/// <summary>How a model scored on labelled documents it was not trained on.</summary>
public sealed record EvaluationReport
{
    public required int Documents { get; init; }
    public required double Accuracy { get; init; }
    public required double MacroF1 { get; init; }

    /// <summary>Mean time to classify one document, one at a time, in milliseconds.</summary>
    public required double MillisecondsPerDocument { get; init; }

    public required IReadOnlyDictionary<string, ClassScore> PerClass { get; init; }

    /// <summary>
    /// Scores from (true label, predicted label) pairs. Written out here rather than taken from
    /// ML.NET's evaluator so the same arithmetic scores any classifier, not only an ML.NET one.
    /// </summary>
    public static EvaluationReport From(IReadOnlyList<(string Label, string Predicted)> outcomes, TimeSpan classifying)
    {
        var labels = outcomes.Select(o => o.Label).Concat(outcomes.Select(o => o.Predicted)).Distinct().Order(StringComparer.Ordinal);
        var perClass = labels.ToDictionary(label => label, label =>
        {
            var truePositives = outcomes.Count(o => o.Label == label && o.Predicted == label);
            var predicted = outcomes.Count(o => o.Predicted == label);
            var actual = outcomes.Count(o => o.Label == label);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassScore(Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), actual);
        });

        var scored = perClass.Values.Where(c => c.Support > 0).ToList();
        return new EvaluationReport
        {
            Documents = outcomes.Count,
            Accuracy = Math.Round(outcomes.Count == 0 ? 0 : (double)outcomes.Count(o => o.Label == o.Predicted) / outcomes.Count, 4),
            MacroF1 = Math.Round(scored.Count == 0 ? 0 : scored.Average(c => c.F1), 4),
            MillisecondsPerDocument = Math.Round(outcomes.Count == 0 ? 0 : classifying.TotalMilliseconds / outcomes.Count, 3),
            PerClass = perClass,
        };
    }
}

public sealed record ClassScore(double Precision, double Recall, double F1, int Support);

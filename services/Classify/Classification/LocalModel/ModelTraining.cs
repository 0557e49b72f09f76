using System.Diagnostics;
using Microsoft.ML;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>Trains the local model from a CSV of <c>text,label</c> and scores models on such files.</summary>
public sealed class ModelTraining(MLContext ml)
{
    public ModelTraining()
        : this(new MLContext(seed: 1))
    {
    }

    public IDataView Load(string csvPath) =>
        ml.Data.LoadFromTextFile<LabelledText>(csvPath, separatorChar: ',', hasHeader: true, allowQuoting: true, trimWhitespace: true);

    /// <summary>
    /// The rows the model trains on and the rows held out to score it, split the same way
    /// every time for the same file (so <c>evaluate --held-out</c> scores exactly the rows <c>train</c> left out).
    /// </summary>
    public (IDataView Train, IDataView? HeldOut) Split(IDataView rows, double heldOutFraction)
    {
        if (heldOutFraction <= 0)
        {
            return (rows, null);
        }

        var split = ml.Data.TrainTestSplit(rows, heldOutFraction, seed: 7);
        return (split.TrainSet, split.TestSet);
    }

    public ModelCard Train(string csvPath, string modelPath, double heldOutFraction, TextWriter progress)
    {
        var (train, heldOut) = Split(Load(csvPath), heldOutFraction);
        var rows = ml.Data.CreateEnumerable<LabelledText>(train, reuseRowObject: false).ToList();
        var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        if (labels.Count < 2)
        {
            throw new InvalidDataException($"{csvPath} has {labels.Count} label(s); a classifier needs at least 2.");
        }

        progress.WriteLine($"training on {rows.Count} rows, {labels.Count} labels…");
        var stopwatch = Stopwatch.StartNew();
        var model = ModelPipeline.Build(ml).Fit(train);
        progress.WriteLine($"trained in {stopwatch.Elapsed.TotalSeconds:F0} s");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        ml.Model.Save(model, train.Schema, modelPath);

        var trainedAt = DateTimeOffset.UtcNow;
        var card = new ModelCard
        {
            Version = $"{Path.GetFileNameWithoutExtension(modelPath)}-{trainedAt:yyyyMMddHHmm}",
            TrainedAt = trainedAt,
            TrainingFile = Path.GetFileName(csvPath),
            TrainingRows = rows.Count,
            Labels = labels,
            HeldOut = heldOut is null ? null : Evaluate(new LocalModelClassifier(ml, model, "candidate"), heldOut),
        };
        card.WriteBeside(modelPath);
        return card;
    }

    /// <summary>Classifies every row one at a time, as the service does, and scores the outcome.</summary>
    public EvaluationReport Evaluate(LocalModelClassifier classifier, IDataView rows)
    {
        var outcomes = new List<(string, string)>();
        var classifying = TimeSpan.Zero;
        foreach (var row in ml.Data.CreateEnumerable<LabelledText>(rows, reuseRowObject: false))
        {
            var started = Stopwatch.GetTimestamp();
            var decision = classifier.Classify(row.Text);
            classifying += Stopwatch.GetElapsedTime(started);
            outcomes.Add((row.Label, decision.Category));
        }

        return EvaluationReport.From(outcomes, classifying);
    }
}

using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// The trained ML.NET model: no network, about a millisecond per document. Its confidence is the
/// model's probability for the winning category; its explanation names the runners-up.
/// ML.NET's prediction engines are not thread-safe, so concurrent messages take one from a pool.
/// </summary>
public sealed class LocalModelClassifier : IDocumentClassifier
{
    public const string ProviderName = "local-model";

    /// <summary>Longer texts are cut here: the category shows in the first pages, and the cost grows with length.</summary>
    public const int MaxCharacters = 20_000;

    private readonly ObjectPool<PredictionEngine<LabelledText, LabelPrediction>> _engines;
    private readonly string[] _labels;

    public LocalModelClassifier(MLContext ml, ITransformer model, string version)
    {
        Name = $"{ProviderName}/{version}";
        _engines = new DefaultObjectPool<PredictionEngine<LabelledText, LabelPrediction>>(new EnginePolicy(ml, model));
        var engine = _engines.Get();
        var slots = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema["Score"].GetSlotNames(ref slots);
        _labels = slots.DenseValues().Select(s => s.ToString()).ToArray();
        _engines.Return(engine);
    }

    /// <summary>Name and version, as recorded with each decision (<c>local-model/tickets-202611231500</c>).</summary>
    public string Name { get; }

    public static LocalModelClassifier Load(string modelPath)
    {
        var ml = new MLContext();
        var model = ml.Model.Load(modelPath, out _);
        var version = ModelCard.ReadBeside(modelPath)?.Version ?? Path.GetFileNameWithoutExtension(modelPath);
        return new LocalModelClassifier(ml, model, version);
    }

    public ValueTask<Classification> ClassifyAsync(string text, CancellationToken cancellationToken) => ValueTask.FromResult(Classify(text));

    public Classification Classify(string text)
    {
        var engine = _engines.Get();
        try
        {
            var input = new LabelledText { Text = text.Length > MaxCharacters ? text[..MaxCharacters] : text };
            var ranked = engine.Predict(input).Probabilities
                .Select((probability, i) => (Label: _labels[i], Probability: Math.Round(probability, 3)))
                .OrderByDescending(p => p.Probability)
                .ToList();
            var best = ranked[0];
            var runnersUp = string.Join(", ", ranked.Skip(1).Take(2).Select(p => $"{p.Label} {p.Probability:0.###}"));
            return new Classification(best.Label, best.Probability, Name,
                $"Trained model: {best.Label} with probability {best.Probability:0.###}; next {runnersUp}.");
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<PredictionEngine<LabelledText, LabelPrediction>>
    {
        public override PredictionEngine<LabelledText, LabelPrediction> Create() =>
            ml.Model.CreatePredictionEngine<LabelledText, LabelPrediction>(model);

        public override bool Return(PredictionEngine<LabelledText, LabelPrediction> obj) => true;
    }
}

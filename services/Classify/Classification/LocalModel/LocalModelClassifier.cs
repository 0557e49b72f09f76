using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// The trained ML.NET model: no network, under a millisecond per document. Its confidence is the
/// model's probability for the winning category; its explanation names the runners-up.
/// ML.NET's prediction engines are not thread-safe, so concurrent messages take one from a pool.
/// The pool keeps every copy it has made up to <see cref="MaxCopies"/>: a copy costs milliseconds
/// and a burst of generated code to build, so one thrown away after each message (the pool's
/// default keeps two per core, fewer than a service consumes at once) cost more than scoring.
/// </summary>
public sealed class LocalModelClassifier : IDocumentClassifier
{
    public const string ProviderName = "local-model";

    /// <summary>Longer texts are cut here: the category shows in the first pages, and the cost grows with length.</summary>
    public const int MaxCharacters = 20_000;

    /// <summary>More copies than messages a service consumes at once (MassTransit's prefetch).</summary>
    public const int MaxCopies = 64;

    private readonly ObjectPool<ModelInstance> _instances;
    private readonly InstancePolicy _policy;

    public LocalModelClassifier(MLContext ml, ITransformer model, string version)
    {
        Name = $"{ProviderName}/{version}";
        var (featurizer, scorer) = Split(model);
        _policy = new InstancePolicy(ml, featurizer, scorer);
        _instances = new DefaultObjectPool<ModelInstance>(_policy, MaxCopies);
    }

    /// <summary>Name and version, as recorded with each decision (<c>local-model/tickets-202611231500</c>).</summary>
    public string Name { get; }

    /// <summary>How many copies of the model's prediction engines have been built: at most as many as ever scored at once.</summary>
    public int Copies => _policy.Created;

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
        using var copy = Lease();
        var ranked = copy.Score(text.Length > MaxCharacters ? text[..MaxCharacters] : text)
            .Select((probability, i) => (Label: _policy.Labels[i], Probability: Math.Round(probability, 3)))
            .OrderByDescending(p => p.Probability)
            .ToList();
        var best = ranked[0];
        var runnersUp = string.Join(", ", ranked.Skip(1).Take(2).Select(p => $"{p.Label} {p.Probability:0.###}"));
        return new Classification(best.Label, best.Probability, Name,
            $"Trained model: {best.Label} with probability {best.Probability:0.###}; next {runnersUp}.");
    }

    /// <summary>A copy of the model for one document at a time, back to the pool when disposed.</summary>
    internal Leased Lease() => new(_instances);

    internal readonly struct Leased(ObjectPool<ModelInstance> pool) : IDisposable
    {
        private readonly ModelInstance _instance = pool.Get();

        public float[] Score(string text) => _instance.Score(text);

        public void Dispose() => pool.Return(_instance);
    }

    /// <summary>
    /// The text-to-features transforms, and the classifier that scores the features (the
    /// recipe's label mapping back to names is left out: the labels are the score's slot names).
    /// </summary>
    private static (ITransformer Featurizer, ITransformer Scorer) Split(ITransformer model)
    {
        var steps = (model as IEnumerable<ITransformer>)?.ToList() ?? [];
        var scoring = steps.FindIndex(step => step is ISingleFeaturePredictionTransformer<object>);
        if (scoring < 1)
        {
            throw new InvalidDataException("The model is not a text featurizer followed by a classifier (ModelPipeline's recipe).");
        }

        return (new TransformerChain<ITransformer>([.. steps.Take(scoring)]), steps[scoring]);
    }

    /// <summary>
    /// One pooled copy of the model, scoring in two steps. The features of a text are sparse
    /// (a few dozen of some 11,000 words), and ML.NET's trees look each split's feature up in a
    /// sparse vector by binary search; handed the same features as a dense array they index it
    /// directly. Same probabilities, a third of the CPU (held-out tickets: 1.24-1.30 ms sparse,
    /// 0.40-0.60 ms dense per document).
    /// </summary>
    internal sealed class ModelInstance(PredictionEngine<LabelledText, TextFeatures> featurize, PredictionEngine<TextFeatures, LabelScores> score)
    {
        private readonly LabelledText _text = new();
        private TextFeatures _features = new();
        private LabelScores _scores = new();

        public float[] Score(string text)
        {
            _text.Text = text;
            featurize.Predict(_text, ref _features);
            // On this thread, categories one after the other (CallerThreadScheduler says why).
            var scoring = new Task(ScoreFeatures);
            scoring.RunSynchronously(CallerThreadScheduler.Instance);
            scoring.GetAwaiter().GetResult();
            return _scores.Probabilities;
        }

        private void ScoreFeatures() => score.Predict(_features, ref _scores);
    }

    private sealed class InstancePolicy : PooledObjectPolicy<ModelInstance>
    {
        private readonly MLContext _ml;
        private readonly ITransformer _featurizer;
        private readonly ITransformer _scorer;
        private readonly SchemaDefinition _dense;

        public InstancePolicy(MLContext ml, ITransformer featurizer, ITransformer scorer)
        {
            (_ml, _featurizer, _scorer) = (ml, featurizer, scorer);
            using var probe = ml.Model.CreatePredictionEngine<LabelledText, TextFeatures>(featurizer);
            _dense = SchemaDefinition.Create(typeof(TextFeatures));
            _dense[nameof(TextFeatures.Features)].ColumnType = probe.OutputSchema[nameof(TextFeatures.Features)].Type;
            using var scores = CreateScoring();
            var slots = default(VBuffer<ReadOnlyMemory<char>>);
            scores.OutputSchema["Score"].GetSlotNames(ref slots);
            Labels = slots.DenseValues().Select(s => s.ToString()).ToArray();
        }

        public string[] Labels { get; }

        public int Created => _created;

        private int _created;

        public override ModelInstance Create()
        {
            Interlocked.Increment(ref _created);
            return new(_ml.Model.CreatePredictionEngine<LabelledText, TextFeatures>(_featurizer), CreateScoring());
        }

        private PredictionEngine<TextFeatures, LabelScores> CreateScoring() =>
            _ml.Model.CreatePredictionEngine<TextFeatures, LabelScores>(_scorer, inputSchemaDefinition: _dense);

        public override bool Return(ModelInstance obj) => true;
    }
}

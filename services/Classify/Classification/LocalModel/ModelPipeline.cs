using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// The local model's recipe: the text's words, TF-IDF weighted and L2-normalised, into gradient
/// boosted trees (LightGBM, 300 rounds of 31 leaves), whose softmax scores are probabilities.
/// Chosen by accuracy on a held-out fifth of the IT service-desk tickets (README, "Local
/// classification model"), against maximum-entropy and SVM trainers, word bigrams and character
/// n-grams.
/// </summary>
public static class ModelPipeline
{
    public static IEstimator<ITransformer> Build(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(LabelledText.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", Featurizer(), nameof(LabelledText.Text)))
            .Append(ml.MulticlassClassification.Trainers.LightGbm(numberOfLeaves: 31, numberOfIterations: 300, learningRate: 0.1))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    private static TextFeaturizingEstimator.Options Featurizer() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        // The training tickets come without stop words; a live document's stop words are words
        // the model never saw, so they weigh nothing (removing them with ML.NET's list cost 0.9 points).
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 1, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        CharFeatureExtractor = null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}

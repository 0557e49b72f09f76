using Microsoft.ML.Data;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>One labelled document: a CSV row of <c>text,label</c> (header row first).</summary>
public sealed class LabelledText
{
    [LoadColumn(0)]
    public string Text { get; set; } = "";

    [LoadColumn(1)]
    public string Label { get; set; } = "";
}

/// <summary>A text's features, as the model's featurizer makes them; scored as a dense vector.</summary>
public sealed class TextFeatures
{
    public float[] Features { get; set; } = [];
}

/// <summary>The classifier's probability per label, in the order of the score's slot names.</summary>
public sealed class LabelScores
{
    [ColumnName("Score")]
    public float[] Probabilities { get; set; } = [];
}

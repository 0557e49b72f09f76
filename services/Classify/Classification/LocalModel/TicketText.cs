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

/// <summary>What the model says about one text: the winning label and a probability per label.</summary>
public sealed class LabelPrediction
{
    [ColumnName("PredictedLabel")]
    public string Category { get; set; } = "";

    [ColumnName("Score")]
    public float[] Probabilities { get; set; } = [];
}

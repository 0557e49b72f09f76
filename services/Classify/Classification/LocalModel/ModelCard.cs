using System.Text.Json;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// What a trained model is: its version, what it was trained on, and how it scored on the rows
/// held out from training. Saved as JSON beside the model (<c>tickets.zip</c> → <c>tickets.json</c>).
/// </summary>
public sealed record ModelCard
{
    public required string Version { get; init; }
    public required DateTimeOffset TrainedAt { get; init; }
    public required string TrainingFile { get; init; }
    public required int TrainingRows { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public EvaluationReport? HeldOut { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static string PathBeside(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    public static ModelCard? ReadBeside(string modelPath) =>
        File.Exists(PathBeside(modelPath)) ? JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(PathBeside(modelPath)), Json) : null;

    public void WriteBeside(string modelPath) => File.WriteAllText(PathBeside(modelPath), JsonSerializer.Serialize(this, Json) + "\n");
}

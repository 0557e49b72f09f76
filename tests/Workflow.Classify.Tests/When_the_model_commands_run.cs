using System.Text.Json;
using Workflow.Classify.Classification.LocalModel;

namespace Workflow.Classify.Tests;

public sealed class When_the_model_commands_run
{
    [Fact]
    public async Task Evaluate_prints_accuracy_macro_f1_and_per_class_scores_as_json()
    {
        var (exitCode, output, errors) = await ModelCommand.RunAsync("evaluate", "--data", ModelCommand.Fixture("tickets-sample.csv"), "--json");

        Assert.True(exitCode == 0, errors);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(400, report.GetProperty("documents").GetInt32());
        Assert.InRange(report.GetProperty("accuracy").GetDouble(), 0.5, 1.0);
        Assert.InRange(report.GetProperty("macroF1").GetDouble(), 0.5, 1.0);
        Assert.Equal(8, report.GetProperty("perClass").EnumerateObject().Count());
        Assert.True(report.GetProperty("perClass").GetProperty("Hardware").GetProperty("recall").GetDouble() > 0);
    }

    [Fact]
    public async Task Train_makes_a_model_from_any_labelled_csv_that_then_classifies()
    {
        var folder = Directory.CreateTempSubdirectory("workflow-model-").FullName;
        try
        {
            var modelPath = Path.Combine(folder, "mine.zip");
            var (exitCode, output, errors) = await ModelCommand.RunAsync(
                "train", "--data", ModelCommand.Fixture("tickets-sample.csv"), "--model", modelPath, "--held-out", "0.25", "--json");

            Assert.True(exitCode == 0, errors);
            var heldOut = JsonDocument.Parse(output).RootElement;
            // Eight categories: guessing scores 0.125. 300 rows teach the model well beyond that.
            Assert.InRange(heldOut.GetProperty("accuracy").GetDouble(), 0.4, 1.0);
            var card = ModelCard.ReadBeside(modelPath)!;
            Assert.Equal(8, card.Labels.Count);
            Assert.StartsWith("mine-", card.Version);
            Assert.Equal(Categories(), card.Labels.Order().ToArray());
            Assert.Contains(LocalModelClassifier.Load(modelPath).Classify("my laptop screen is broken").Category, card.Labels);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Evaluate_rejects_a_missing_data_file_with_a_clear_error()
    {
        var (exitCode, _, errors) = await ModelCommand.RunAsync("evaluate", "--data", "/nonexistent/tickets.csv");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("tickets.csv", errors);
    }

    [FactNeedsTrainingData]
    public async Task The_shipped_model_scores_on_its_held_out_rows_what_its_card_says()
    {
        var card = ModelCard.ReadBeside(LocalModelOptions.ShippedModelPath)!;
        var (exitCode, output, errors) = await ModelCommand.RunAsync("evaluate", "--data", FactNeedsTrainingDataAttribute.TrainingFile, "--held-out", "0.2", "--json");

        Assert.True(exitCode == 0, errors);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(card.HeldOut!.Documents, report.GetProperty("documents").GetInt32());
        Assert.Equal(card.HeldOut.Accuracy, report.GetProperty("accuracy").GetDouble(), precision: 3);
    }

    private static string[] Categories() =>
        ["Access", "Administrative rights", "HR Support", "Hardware", "Internal Project", "Miscellaneous", "Purchase", "Storage"];
}

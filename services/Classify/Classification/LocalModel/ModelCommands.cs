using System.CommandLine;
using System.Text.Json;

namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// <c>Workflow.Classify model train|evaluate</c>: retrain the local model from any CSV of
/// <c>text,label</c>, or score a model on one. See README, "Local classification model".
/// </summary>
public static class ModelCommands
{
    public const string Verb = "model";

    public static bool Requested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static Task<int> RunAsync(string[] args)
    {
        var data = new Option<FileInfo>("--data") { Description = "CSV file: a header row, then text,label per row", Required = true };
        var model = new Option<FileInfo>("--model")
        {
            Description = "The model file (.zip; its card is the .json beside it)",
            DefaultValueFactory = _ => new FileInfo(LocalModelOptions.ShippedModelPath),
        };
        var output = new Option<FileInfo>("--model") { Description = "Where to save the model (.zip; its card goes to the .json beside it)", Required = true };
        var heldOut = new Option<double>("--held-out")
        {
            Description = "Fraction of the file held out from training and scored (train default 0.2; evaluate default 0: all rows)",
        };
        var json = new Option<bool>("--json") { Description = "Print the scores as one JSON object" };
        data.AcceptExistingOnly();
        model.AcceptExistingOnly();

        var train = new Command("train", "Train a model and save it (with its card) to --model") { data, output, heldOut, json };
        train.SetAction(result =>
        {
            var fraction = result.GetResult(heldOut) is { Implicit: false } ? result.GetValue(heldOut) : 0.2;
            var card = new ModelTraining().Train(result.GetValue(data)!.FullName, result.GetValue(output)!.FullName, fraction, Console.Error);
            Print(card.HeldOut, result.GetValue(json), $"model {card.Version} saved to {result.GetValue(output)!.FullName}");
            return 0;
        });

        var evaluate = new Command("evaluate", "Score a model on a CSV file: accuracy, macro-F1, per-class precision and recall") { data, model, heldOut, json };
        evaluate.SetAction(result =>
        {
            var training = new ModelTraining();
            var rows = training.Load(result.GetValue(data)!.FullName);
            var (_, heldOutRows) = training.Split(rows, result.GetValue(heldOut));
            var classifier = LocalModelClassifier.Load(result.GetValue(model)!.FullName);
            Print(training.Evaluate(classifier, heldOutRows ?? rows), result.GetValue(json), classifier.Name);
            return 0;
        });

        var root = new RootCommand("The classify service's local model") { train, evaluate };
        return root.Parse(args[1..]).InvokeAsync();
    }

    private static void Print(EvaluationReport? report, bool json, string heading)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, JsonSerializerOptions.Web));
            return;
        }

        Console.WriteLine(heading);
        if (report is null)
        {
            return;
        }

        Console.WriteLine($"  {report.Documents} documents   accuracy {report.Accuracy:0.0000}   macro-F1 {report.MacroF1:0.0000}   {report.MillisecondsPerDocument} ms/document");
        Console.WriteLine($"  {"category",-24} {"precision",9} {"recall",9} {"F1",9} {"support",8}");
        foreach (var (label, score) in report.PerClass)
        {
            Console.WriteLine($"  {label,-24} {score.Precision,9:0.0000} {score.Recall,9:0.0000} {score.F1,9:0.0000} {score.Support,8}");
        }
    }
}

using Workflow.Testing;

namespace Workflow.Classify.Tests;

/// <summary>
/// A test that reads the full IT service-desk training file, which lives beside the repository
/// on our machines and is not shipped: skipped, saying so, where it is absent.
/// </summary>
public sealed class FactNeedsTrainingDataAttribute : FactAttribute
{
    public static readonly string TrainingFile = Path.GetFullPath(
        Path.Combine(RepositoryLayout.Root, "..", "shared", "datasets", "it-service-tickets", "train.csv"));

    public FactNeedsTrainingDataAttribute()
    {
        if (!File.Exists(TrainingFile))
        {
            Skip = $"The full training file is not on this machine ({TrainingFile}); it is not part of the repository.";
        }
    }
}

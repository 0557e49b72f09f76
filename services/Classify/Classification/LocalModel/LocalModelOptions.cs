namespace Workflow.Classify.Classification.LocalModel;

/// <summary>Where the local model is: <c>Classification:LocalModel:Path</c>, else the shipped one.</summary>
public static class LocalModelOptions
{
    public const string PathSetting = "Classification:LocalModel:Path";

    /// <summary>The model shipped with the service, trained on the IT service-desk tickets.</summary>
    public static string ShippedModelPath => Path.Combine(AppContext.BaseDirectory, "models", "tickets.zip");
}

namespace Workflow.Contracts;

/// <summary>The names of the steps, as they appear in failures and status.</summary>
public static class ProcessingSteps
{
    public const string Ingest = "ingest";
    public const string Extract = "extract";
    public const string Classify = "classify";
    public const string Route = "route";
    public const string Notify = "notify";
}

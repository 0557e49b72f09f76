namespace Workflow.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class WorkflowCollection : ICollectionFixture<RunningWorkflow>
{
    public const string Name = "workflow";
}

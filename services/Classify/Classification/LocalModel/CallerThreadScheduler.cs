namespace Workflow.Classify.Classification.LocalModel;

/// <summary>
/// Runs each task on the thread that starts it, one at a time. ML.NET's multi-class tree model
/// scores its categories with Parallel.For on the current task scheduler; under this one
/// (MaximumConcurrencyLevel 1) that is a plain loop on the consumer's thread instead of work
/// handed to pool threads that the consumer then waits for, which on a busy machine means
/// waiting for a thread to be scheduled. Consumers already score documents in parallel.
/// Written here because no served package offers a run-inline scheduler.
/// </summary>
internal sealed class CallerThreadScheduler : TaskScheduler
{
    public static CallerThreadScheduler Instance { get; } = new();

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}

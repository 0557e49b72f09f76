using MassTransit;

namespace Workflow.Route.StateMachines;

/// <summary>Route's state for one document: where it was sent, by which rule. Correlated by the document id.</summary>
public sealed class DocumentRoutingState : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The document id.</summary>
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";
    public string Category { get; set; } = "";
    public double Confidence { get; set; }
    public string RuleId { get; set; } = "";
    public string RulesVersion { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset RoutedAt { get; set; }

    /// <summary>Set while the document waits for review; cleared when the deadline's event is committed.</summary>
    public DateTimeOffset? ReviewDeadline { get; set; }

    /// <summary>Optimistic concurrency: two changes of one document's state never both win.</summary>
    public int Version { get; set; }
}

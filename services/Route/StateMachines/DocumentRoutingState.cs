using MassTransit;

namespace Workflow.Route.StateMachines;

/// <summary>
/// Route's state for one document: what the rules proposed, whether and how a person reviewed
/// it, and where it was sent. Correlated by the document id.
/// </summary>
public sealed class DocumentRoutingState : SagaStateMachineInstance, ISagaVersion
{
    /// <summary>The document id.</summary>
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    /// <summary>The document's tenant: only its reviewers see and decide the review.</summary>
    public string TenantId { get; set; } = Workflow.Contracts.Tenants.Default;

    public string Category { get; set; } = "";
    public double Confidence { get; set; }

    /// <summary>What the rules may look at again after a reclassification.</summary>
    public string? Source { get; set; }
    public string? Sender { get; set; }
    public string EntitiesJson { get; set; } = "[]";

    public string RuleId { get; set; } = "";
    public string RulesVersion { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset RoutedAt { get; set; }

    /// <summary>Why a person must look at it; null when it never needed review.</summary>
    public string? ReviewReason { get; set; }
    public DateTimeOffset? ReviewRequestedAt { get; set; }

    /// <summary>The next deadline while the document waits; cleared when its event is committed.</summary>
    public DateTimeOffset? ReviewDeadline { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>
    /// Set by the review API when it accepts a decision, so a second decision for the same
    /// document is refused (a concurrent one loses on <see cref="Version"/>).
    /// </summary>
    public DateTimeOffset? DecisionSubmittedAt { get; set; }

    /// <summary>How the review ended (<see cref="Workflow.Contracts.ReviewDecisions"/>), by whom, why.</summary>
    public string? ReviewDecision { get; set; }
    public string? Reviewer { get; set; }
    public string? ReviewerKeyId { get; set; }
    public string? ReviewComment { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>How the review ended, once it has: one shape for the API and the events.</summary>
    public Workflow.Contracts.ReviewOutcome? Review => ReviewDecision is null
        ? null
        : new(ReviewDecision, Reviewer, ReviewComment, ReviewedAt ?? RoutedAt, ReviewerKeyId);

    /// <summary>Optimistic concurrency: two changes of one document's state never both win.</summary>
    public int Version { get; set; }
}

namespace Workflow.Route.Data;

/// <summary>Where one document was sent, and by which rule.</summary>
public sealed class DocumentRouting
{
    public Guid DocumentId { get; init; }
    public string Category { get; set; } = "";
    public double Confidence { get; set; }
    public string RuleId { get; set; } = "";
    public string Department { get; set; } = "";
    public DateTimeOffset RoutedAt { get; set; }
}

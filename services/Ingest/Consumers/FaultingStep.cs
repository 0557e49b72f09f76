using MassTransit;

namespace Workflow.Ingest.Consumers;

public static class FaultingStep
{
    private const string Prefix = "Workflow.";

    /// <summary>The step a fault came from, by the faulting service's assembly: <c>Workflow.Classify</c> → <c>classify</c>.</summary>
    public static string? Of(HostInfo? host) =>
        host?.Assembly is { } assembly && assembly.StartsWith(Prefix, StringComparison.Ordinal) && assembly.Length > Prefix.Length
            ? assembly[Prefix.Length..].ToLowerInvariant()
            : null;
}

using MassTransit;

namespace Workflow.Ingest.Documents;

/// <summary>Which Workflow service sent a message, by its host's assembly: <c>Workflow.Classify</c> → <c>classify</c>.</summary>
public static class SendingService
{
    private const string Prefix = "Workflow.";

    public static string? Of(HostInfo? host) =>
        host?.Assembly is { } assembly && assembly.StartsWith(Prefix, StringComparison.Ordinal) && assembly.Length > Prefix.Length
            ? assembly[Prefix.Length..].ToLowerInvariant()
            : null;
}

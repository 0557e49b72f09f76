using System.Text.RegularExpressions;
using MassTransit;
using Workflow.Contracts;

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// Names the exchange of each Workflow event <c>workflow.{kebab-case name}</c>
/// (e.g. <c>workflow.document-uploaded</c>): a stable, documented address for clients that
/// publish without MassTransit. Other message types keep MassTransit's names.
/// </summary>
public sealed partial class WorkflowEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public const string Prefix = "workflow.";

    public string FormatEntityName<T>() =>
        typeof(T).Namespace == typeof(DocumentUploaded).Namespace && !typeof(T).IsGenericType
            ? For(typeof(T))
            : fallback.FormatEntityName<T>();

    public static string For(Type messageType) =>
        Prefix + WordBoundary().Replace(messageType.Name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}

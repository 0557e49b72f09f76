using System.Reflection;
using System.Text.RegularExpressions;
using MassTransit;
using Workflow.Testing;

namespace Workflow.Deploy.Tests;

/// <summary>
/// What the manifests must agree with, read from the product itself rather than restated: the
/// images the build script makes, the connection strings each service reads, the queues it
/// consumes, and the public routes.
/// </summary>
public static partial class Manifests
{
    /// <summary>The services scripts/build-images.sh builds images of (its default list).</summary>
    public static readonly IReadOnlyList<string> ServiceNames =
        ServicesLine().Match(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "scripts", "build-images.sh"))).Groups[1].Value
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string ProjectOf(string service) => char.ToUpperInvariant(service[0]) + service[1..];

    /// <summary>The name of the connection string the service's database comes from (<c>ConnectionStrings:{name}</c>).</summary>
    public static string DatabaseNameOf(string service) =>
        DatabaseRegistration().Match(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "services", ProjectOf(service), "Extensions", "Extensions.cs")))
            is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"{service} registers no database");

    /// <summary>
    /// The queues the service consumes: its consumers' and sagas' endpoint names, formatted the
    /// way the service's bus names them (kebab case, prefixed with the service's name).
    /// </summary>
    public static IReadOnlySet<string> QueuesOf(string service)
    {
        var assembly = Assembly.Load($"Workflow.{ProjectOf(service)}");
        var formatter = new KebabCaseEndpointNameFormatter(service, includeNamespace: false);
        var queues = new HashSet<string>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>)))
            {
                queues.Add((string)typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(formatter.Consumer))!.MakeGenericMethod(type).Invoke(formatter, null)!);
            }

            if (typeof(SagaStateMachineInstance).IsAssignableFrom(type))
            {
                queues.Add((string)typeof(KebabCaseEndpointNameFormatter).GetMethod(nameof(formatter.Saga))!.MakeGenericMethod(type).Invoke(formatter, null)!);
            }
        }

        return queues;
    }

    /// <summary>The public path prefixes of each service, as the AppHost's gateway routes them (DECISIONS.md: one public address).</summary>
    public static IReadOnlyDictionary<string, string> PublicRoutes()
    {
        var catalog = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "AppHost", "Services", "ServiceCatalog.cs"));
        return CatalogEntry().Matches(catalog)
            .SelectMany(m => Regex.Matches(m.Groups[2].Value, "\"([^\"]+)\"").Select(r => (Prefix: r.Groups[1].Value, Service: m.Groups[1].Value)))
            .ToDictionary(r => r.Prefix, r => r.Service);
    }

    [GeneratedRegex(@"services=\(([a-z ]+)\)")]
    private static partial Regex ServicesLine();

    [GeneratedRegex(@"AddServiceDatabase<[^>]+>\(""([a-z]+)""\)")]
    private static partial Regex DatabaseRegistration();

    [GeneratedRegex(@"new\(""([a-z]+)"", ""[A-Za-z]+"", \[([^\]]*)\]")]
    private static partial Regex CatalogEntry();
}

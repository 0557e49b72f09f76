using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Workflow.Testing;

namespace Workflow.Deploy.Tests;

/// <summary>One overlay of deploy/k8s rendered by <c>kubectl kustomize</c>, and its objects loaded strictly as typed objects.</summary>
public sealed class RenderedOverlay
{
    public static readonly string[] Overlays = ["dev", "production"];

    /// <summary>Kinds outside KubernetesClient's own models: our typed versions of the CRDs.</summary>
    public static readonly Dictionary<string, Type> CustomResources = new()
    {
        ["keda.sh/v1alpha1/ScaledObject"] = typeof(ScaledObject),
        ["keda.sh/v1alpha1/TriggerAuthentication"] = typeof(TriggerAuthentication),
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(RabbitmqCluster),
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Cache = new();

    private RenderedOverlay(string name, string yaml, List<object> objects)
    {
        Name = name;
        Yaml = yaml;
        Objects = objects;
    }

    public string Name { get; }
    public string Yaml { get; }
    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> OfKind<T>() => Objects.OfType<T>();

    public IEnumerable<V1Deployment> Deployments => OfKind<V1Deployment>();

    /// <summary>The five services' Deployments (the ones running our images).</summary>
    public IEnumerable<V1Deployment> ServiceDeployments => Deployments.Where(d => Manifests.ServiceNames.Contains(d.Metadata.Name));

    public static string KustomizationOf(string overlay) => Path.Combine(RepositoryLayout.Root, "deploy", "k8s", "overlays", overlay);

    public static Task<RenderedOverlay> OfAsync(string overlay) =>
        Cache.GetOrAdd(overlay, name => new Lazy<Task<RenderedOverlay>>(async () =>
        {
            var yaml = await RenderAsync(KustomizationOf(name));
            return new RenderedOverlay(name, yaml, Load(yaml));
        })).Value;

    /// <summary>Strict: a field no type has (a misspelling) or a value of the wrong type throws.</summary>
    public static List<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, CustomResources, strict: true);

    public static async Task<string> RenderAsync(string kustomization)
    {
        var rendered = await CommandLine.RunAsync("kubectl", ["kustomize", kustomization]);
        return rendered.ExitCode == 0 ? rendered.Output : throw new InvalidOperationException($"kubectl kustomize {kustomization} failed: {rendered.Error}");
    }
}

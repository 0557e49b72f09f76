using System.Diagnostics;
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

    private static readonly Dictionary<string, RenderedOverlay> Cache = [];

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

    public static RenderedOverlay Of(string overlay)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(overlay, out var rendered))
            {
                var yaml = Render(KustomizationOf(overlay));
                Cache[overlay] = rendered = new RenderedOverlay(overlay, yaml, Load(yaml));
            }

            return rendered;
        }
    }

    /// <summary>Strict: a field no type has (a misspelling) or a value of the wrong type throws.</summary>
    public static List<object> Load(string yaml) => KubernetesYaml.LoadAllFromString(yaml, CustomResources, strict: true);

    public static string Render(string kustomization)
    {
        var info = new ProcessStartInfo("kubectl", ["kustomize", kustomization]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"kubectl kustomize {kustomization} failed: {error}");
    }
}

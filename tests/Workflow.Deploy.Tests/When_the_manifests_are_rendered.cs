using System.Text.Json;
using k8s.Models;
using Workflow.Testing;

namespace Workflow.Deploy.Tests;

/// <summary>
/// Every overlay renders, and every object in it passes two schema checks that together catch
/// misspelt fields (KubernetesClient's strict typed loading, with our types for the CRDs), wrong
/// types and missing required fields (kubernetes-models through Node).
/// </summary>
public sealed class When_the_manifests_are_rendered
{
    private static readonly string Validator = Path.Combine(RepositoryLayout.Root, "deploy", "k8s", "validate");

    [TheoryNeedsKubectl]
    [InlineData("dev")]
    [InlineData("production")]
    public async Task Every_object_loads_strictly_as_a_typed_object(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.DoesNotContain(rendered.Objects, o => o is null);
        Assert.Equal(Manifests.ServiceNames.Order(), rendered.ServiceDeployments.Select(d => d.Metadata.Name).Order());
        Assert.NotEmpty(rendered.OfKind<ScaledObject>());
    }

    [TheoryNeedsKubectl]
    [InlineData("containerPort: 8080", "containerPrt: 8080")]
    [InlineData("maxReplicaCount: 2", "maxReplicas: 2")]
    [InlineData("minReplicaCount: 1", "minReplicaCount: one")]
    public async Task A_misspelt_field_or_a_wrong_type_is_refused(string field, string broken)
    {
        var yaml = (await RenderedOverlay.OfAsync("dev")).Yaml;
        Assert.Contains(field, yaml);

        Assert.ThrowsAny<Exception>(() => RenderedOverlay.Load(yaml.Replace(field, broken)));
    }

    [TheoryNeedsKubectl(AndNode = true)]
    [InlineData("dev")]
    [InlineData("production")]
    public async Task Every_object_passes_the_kubernetes_models_schemas(string overlay)
    {
        var result = await ValidateAsync((await RenderedOverlay.OfAsync(overlay)).Yaml);

        Assert.Empty(result.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((await RenderedOverlay.OfAsync(overlay)).Objects.Count, result.GetProperty("checked").GetInt32() + result.GetProperty("uncovered").GetArrayLength());
        // kubernetes-models has no package for the RabbitMQ operator's CRD: only the typed loading checks it.
        Assert.All(result.GetProperty("uncovered").EnumerateArray(), u => Assert.StartsWith("rabbitmq.com/v1beta1/RabbitmqCluster", u.GetString()));
    }

    [TheoryNeedsKubectl(AndNode = true)]
    [InlineData("protocol: TCP", "protocl: TCP", false)]
    [InlineData("containerPort: 8080", "containerPort: \"eighty\"", true)]
    [InlineData("    port: 80\n", "    portx: 80\n", true)]
    public async Task A_wrong_type_or_a_missing_required_field_is_refused(string field, string broken, bool refused)
    {
        var yaml = (await RenderedOverlay.OfAsync("dev")).Yaml;
        Assert.Contains(field, yaml);

        var result = await ValidateAsync(yaml.Replace(field, broken));

        // A misspelt field is not this check's (kubernetes-models ignores unknown fields): that is what strict loading is for.
        Assert.Equal(refused, result.GetProperty("errors").GetArrayLength() > 0);
    }

    private static async Task<JsonElement> ValidateAsync(string yaml)
    {
        if (!Directory.Exists(Path.Combine(Validator, "node_modules")))
        {
            var installed = await CommandLine.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], workingDirectory: Validator, timeout: TimeSpan.FromMinutes(5));
            Assert.True(installed.ExitCode == 0, $"npm ci failed: {installed}");
        }

        var validated = await CommandLine.RunAsync("node", ["validate.mjs"], yaml, Validator);
        Assert.True(validated.ExitCode is 0 or 1, $"the validator failed: {validated}");
        return JsonDocument.Parse(validated.Output).RootElement;
    }
}

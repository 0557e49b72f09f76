using k8s.Models;
using Workflow.Testing;

namespace Workflow.Deploy.Tests;

/// <summary>
/// What an operator must be able to trust in every overlay: hardened, probed and bounded
/// containers; every Deployment reachable and protected from drains; the settings each service
/// reads provided; the images the build script makes; autoscaling on queues that exist;
/// one public address; and networks closed by default.
/// </summary>
public sealed class When_the_manifests_are_checked_against_policy
{
    public static readonly TheoryData<string> Overlays = new(RenderedOverlay.Overlays);

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_is_non_root_bounded_and_probed(string overlay)
    {
        foreach (var (owner, pod) in PodsOf(await RenderedOverlay.OfAsync(overlay)))
        {
            Assert.True(pod.SecurityContext?.RunAsNonRoot == true, $"{owner}: the pod runs as non-root");
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{owner}: no service account token (nothing here calls the Kubernetes API)");
            foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers))
            {
                var name = $"{owner}/{container.Name}";
                Assert.True(container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext.RunAsNonRoot, $"{name} runs as non-root");
                Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{name} cannot escalate privileges");
                Assert.Contains("ALL", container.SecurityContext?.Capabilities?.Drop ?? []);
                Assert.True(container.Resources?.Limits?.ContainsKey("cpu") == true && container.Resources.Limits.ContainsKey("memory"), $"{name} has CPU and memory limits");
                Assert.True(container.Resources.Requests?.ContainsKey("cpu") == true && container.Resources.Requests.ContainsKey("memory"), $"{name} has requests");
            }

            foreach (var container in pod.Containers)
            {
                Assert.True(container.LivenessProbe is not null && container.ReadinessProbe is not null && container.StartupProbe is not null,
                    $"{owner}/{container.Name} has liveness, readiness and startup probes");
            }
        }
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task The_services_have_a_read_only_root_health_probes_and_time_to_finish_their_messages(string overlay)
    {
        foreach (var deployment in (await RenderedOverlay.OfAsync(overlay)).ServiceDeployments)
        {
            var pod = deployment.Spec.Template.Spec;
            Assert.True(pod.TerminationGracePeriodSeconds >= 45, $"{deployment.Metadata.Name}: long enough to finish in-flight messages");
            Assert.All((pod.InitContainers ?? []).Concat(pod.Containers), c => Assert.True(c.SecurityContext.ReadOnlyRootFilesystem, $"{c.Name}: read-only root"));
            var main = pod.Containers.Single();
            Assert.Equal(("/health/live", "/health/ready"), (main.LivenessProbe.HttpGet.Path, main.ReadinessProbe.HttpGet.Path));
            Assert.Equal(2, pod.TopologySpreadConstraints.Count);
        }
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task Every_deployment_is_selected_by_its_service_and_a_disruption_budget(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        foreach (var deployment in rendered.ServiceDeployments)
        {
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.True(Selects(deployment.Spec.Selector.MatchLabels, labels), $"{deployment.Metadata.Name}: its own selector matches its pods");
            Assert.Contains(rendered.OfKind<V1Service>(), s => Selects(s.Spec.Selector, labels) && s.Spec.Ports.Any(p => p.TargetPort.Value == "http"));
            Assert.Contains(rendered.OfKind<V1PodDisruptionBudget>(), p => Selects(p.Spec.Selector.MatchLabels, labels));
        }

        // Every workload of the overlay (brokers, databases, collectors too) is reachable by a Service.
        foreach (var (owner, labels) in rendered.Deployments.Select(d => (d.Metadata.Name, d.Spec.Template.Metadata.Labels))
                     .Concat(rendered.OfKind<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Metadata.Labels))))
        {
            Assert.True(rendered.OfKind<V1Service>().Any(s => Selects(s.Spec.Selector, labels)), $"{owner} has a Service");
        }
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task Every_connection_string_a_service_reads_is_provided_from_a_secret(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var settings = rendered.OfKind<V1ConfigMap>().Single(c => c.Metadata.Name == "workflow-settings").Data;
        Assert.Equal("SqlServer", settings["Database__Provider"]);

        foreach (var deployment in rendered.ServiceDeployments)
        {
            var service = deployment.Metadata.Name;
            var pod = deployment.Spec.Template.Spec;
            foreach (var container in pod.InitContainers.Concat(pod.Containers))
            {
                Assert.Contains(container.EnvFrom, e => e.ConfigMapRef?.Name == "workflow-settings");
                foreach (var connection in new[] { "rabbitmq", Manifests.DatabaseNameOf(service) })
                {
                    var variable = container.Env.SingleOrDefault(e => e.Name == $"ConnectionStrings__{connection}");
                    Assert.True(variable?.ValueFrom?.SecretKeyRef is { Name.Length: > 0, Key.Length: > 0 },
                        $"{service}/{container.Name}: ConnectionStrings__{connection} from a Secret");
                    Assert.Null(variable.ValueFrom.SecretKeyRef.Optional);
                }
            }
        }
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task Every_image_is_one_the_build_script_makes_with_the_overlays_tag(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var tags = new HashSet<string>();
        foreach (var deployment in rendered.ServiceDeployments)
        {
            var pod = deployment.Spec.Template.Spec;
            foreach (var container in pod.InitContainers.Concat(pod.Containers))
            {
                var (repository, tag) = (container.Image[..container.Image.LastIndexOf(':')], container.Image[(container.Image.LastIndexOf(':') + 1)..]);
                Assert.EndsWith($"workflow/{deployment.Metadata.Name}", repository);
                tags.Add(tag);
            }

            Assert.Equal(["migrate"], pod.InitContainers.Single().Args);
            Assert.Equal(pod.Containers.Single().Image, pod.InitContainers.Single().Image);
        }

        Assert.Single(tags);
        Assert.DoesNotContain("latest", tags);
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task Autoscaling_watches_queues_the_services_really_consume(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var authentications = rendered.OfKind<TriggerAuthentication>().ToDictionary(a => a.Metadata.Name);
        foreach (var scaled in rendered.OfKind<ScaledObject>())
        {
            var service = scaled.Spec.ScaleTargetRef.Name;
            Assert.Contains(rendered.ServiceDeployments, d => d.Metadata.Name == service);
            Assert.True(scaled.Spec.MinReplicaCount >= 1 && scaled.Spec.MaxReplicaCount > scaled.Spec.MinReplicaCount, $"{service}: min and max replicas");
            Assert.All(scaled.Spec.Triggers, trigger =>
            {
                Assert.Equal("rabbitmq", trigger.Type);
                Assert.Contains(trigger.Metadata["queueName"], Manifests.QueuesOf(service));
                var authentication = authentications[trigger.AuthenticationRef!.Name];
                Assert.Contains(authentication.Spec.SecretTargetRef!, r => r.Parameter == "host");
            });
        }

        // Each consuming service scales on its queues; ingest, whose load is its API, on CPU.
        var scaledServices = rendered.OfKind<ScaledObject>().Select(s => s.Spec.ScaleTargetRef.Name).ToHashSet();
        var hpa = Assert.Single(rendered.OfKind<V2HorizontalPodAutoscaler>());
        Assert.Equal("ingest", hpa.Spec.ScaleTargetRef.Name);
        Assert.Equal("cpu", hpa.Spec.Metrics.Single().Resource.Name);
        Assert.Equal(Manifests.ServiceNames.Where(s => s != "ingest").Order(), scaledServices.Order());
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task The_ingress_is_the_one_public_address_and_the_only_way_in(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var ingress = Assert.Single(rendered.OfKind<V1Ingress>());
        Assert.NotEmpty(ingress.Spec.Tls);
        var paths = ingress.Spec.Rules.Single().Http.Paths.ToDictionary(p => p.Path, p => p.Backend.Service.Name);
        Assert.Equal(Manifests.PublicRoutes().OrderBy(r => r.Key), paths.OrderBy(p => p.Key));

        var policies = rendered.OfKind<V1NetworkPolicy>().ToList();
        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.Ingress is null && p.Spec.Egress is null);
        Assert.Equal(["Ingress", "Egress"], denyAll.Spec.PolicyTypes);
        // Ingress from outside the namespace is allowed only from the ingress controller, only to the services with public routes.
        var fromOutside = policies.Where(p => p.Spec.Ingress?.Any(r => r.FromProperty?.Any(f => f.NamespaceSelector is not null) == true) == true
            && p.Metadata.Name != "rabbitmq").ToList();
        var publicApi = Assert.Single(fromOutside);
        Assert.Equal("ingress-nginx", publicApi.Spec.Ingress.Single().FromProperty.Single().NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"]);
        var reachable = rendered.ServiceDeployments.Where(d => Selects(publicApi.Spec.PodSelector.MatchLabels, d.Spec.Template.Metadata.Labels))
            .Select(d => d.Metadata.Name).Order();
        Assert.Equal(paths.Values.Distinct().Order(), reachable);
    }

    [TheoryNeedsKubectl]
    [MemberData(nameof(Overlays))]
    public async Task The_broker_and_telemetry_match_the_overlay(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var settings = rendered.OfKind<V1ConfigMap>().Single(c => c.Metadata.Name == "workflow-settings").Data;
        if (overlay == "production")
        {
            Assert.Equal(3, Assert.Single(rendered.OfKind<RabbitmqCluster>()).Spec.Replicas);
            Assert.Equal("true", settings["Messaging__QuorumQueues"]);
            Assert.DoesNotContain(rendered.OfKind<V1StatefulSet>(), s => s.Metadata.Name == "sqlserver");
        }
        else
        {
            Assert.Contains(rendered.OfKind<V1StatefulSet>(), s => s.Metadata.Name == "rabbitmq");
            Assert.Contains(rendered.OfKind<V1StatefulSet>(), s => s.Metadata.Name == "sqlserver");
            Assert.Contains(rendered.OfKind<V1Service>(), s => settings["OTEL_EXPORTER_OTLP_ENDPOINT"].Contains($"//{s.Metadata.Name}:", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(rendered.Objects, o => o is V1Secret);
    }

    [Fact]
    public void The_routing_rules_in_the_manifests_are_the_shipped_ones()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(RepositoryLayout.Root, "services", "Route", "routing-rules.json")),
            File.ReadAllText(Path.Combine(RepositoryLayout.Root, "deploy", "k8s", "base", "route", "routing-rules.json")));
    }

    private static IEnumerable<(string Owner, V1PodSpec Pod)> PodsOf(RenderedOverlay rendered) =>
        rendered.Deployments.Select(d => (d.Metadata.Name, d.Spec.Template.Spec))
            .Concat(rendered.OfKind<V1StatefulSet>().Select(s => (s.Metadata.Name, s.Spec.Template.Spec)));

    private static bool Selects(IDictionary<string, string>? selector, IDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value);
}

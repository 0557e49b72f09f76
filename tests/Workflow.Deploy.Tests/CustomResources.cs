using k8s;
using k8s.Models;

namespace Workflow.Deploy.Tests;

// The custom resources the manifests use, typed with the fields their CRDs define (the parts
// our manifests can use), so strict loading refuses a misspelt field in them as it does in
// built-in kinds. KubernetesClient has no types for CRDs; these are written from the KEDA 2.x
// and RabbitMQ Cluster Operator v1beta1 references.

public sealed class ScaledObject : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "keda.sh/v1alpha1";
    public string Kind { get; set; } = "ScaledObject";
    public V1ObjectMeta Metadata { get; set; } = new();
    public ScaledObjectSpec Spec { get; set; } = new();
}

public sealed class ScaledObjectSpec
{
    public ScaleTarget ScaleTargetRef { get; set; } = new();
    public int? PollingInterval { get; set; }
    public int? CooldownPeriod { get; set; }
    public int? IdleReplicaCount { get; set; }
    public int? InitialCooldownPeriod { get; set; }
    public int? MinReplicaCount { get; set; }
    public int? MaxReplicaCount { get; set; }
    public IDictionary<string, object>? Advanced { get; set; }
    public IDictionary<string, object>? Fallback { get; set; }
    public List<ScaleTrigger> Triggers { get; set; } = [];
}

public sealed class ScaleTarget
{
    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public string Name { get; set; } = "";
    public string? EnvSourceContainerName { get; set; }
}

public sealed class ScaleTrigger
{
    public string Type { get; set; } = "";
    public string? Name { get; set; }
    public bool? UseCachedMetrics { get; set; }
    public string? MetricType { get; set; }
    public IDictionary<string, string> Metadata { get; set; } = new Dictionary<string, string>();
    public AuthenticationRef? AuthenticationRef { get; set; }
}

public sealed class AuthenticationRef
{
    public string Name { get; set; } = "";
    public string? Kind { get; set; }
}

public sealed class TriggerAuthentication : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "keda.sh/v1alpha1";
    public string Kind { get; set; } = "TriggerAuthentication";
    public V1ObjectMeta Metadata { get; set; } = new();
    public TriggerAuthenticationSpec Spec { get; set; } = new();
}

public sealed class TriggerAuthenticationSpec
{
    public List<SecretTargetRef>? SecretTargetRef { get; set; }
    public List<IDictionary<string, object>>? Env { get; set; }
    public IDictionary<string, object>? PodIdentity { get; set; }
}

public sealed class SecretTargetRef
{
    public string Parameter { get; set; } = "";
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

public sealed class RabbitmqCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "rabbitmq.com/v1beta1";
    public string Kind { get; set; } = "RabbitmqCluster";
    public V1ObjectMeta Metadata { get; set; } = new();
    public RabbitmqClusterSpec Spec { get; set; } = new();
}

public sealed class RabbitmqClusterSpec
{
    public int? Replicas { get; set; }
    public string? Image { get; set; }
    public List<V1LocalObjectReference>? ImagePullSecrets { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public RabbitmqPersistence? Persistence { get; set; }
    public RabbitmqConfiguration? Rabbitmq { get; set; }
    public IDictionary<string, object>? Service { get; set; }
    public IDictionary<string, object>? Tls { get; set; }
    public V1Affinity? Affinity { get; set; }
    public List<V1Toleration>? Tolerations { get; set; }
    public IDictionary<string, object>? Override { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
    public bool? SkipPostDeploySteps { get; set; }
}

public sealed class RabbitmqPersistence
{
    public string? StorageClassName { get; set; }
    public ResourceQuantity? Storage { get; set; }
}

public sealed class RabbitmqConfiguration
{
    public List<string>? AdditionalPlugins { get; set; }
    public string? AdditionalConfig { get; set; }
    public string? AdvancedConfig { get; set; }
    public string? EnvConfig { get; set; }
    public string? ErlangInetConfig { get; set; }
}

using System.Xml.Linq;
using Workflow.AppHost.Services;
using Workflow.Testing;

namespace Workflow.AppHost.Tests;

/// <summary>
/// The runtime settings only an environment variable carries reach a service however it is run:
/// the AppHost gives them to the processes it starts, the container images (and so Kubernetes) carry
/// the same values. Checked against the image's build settings; the image test inspects a built image.
/// </summary>
public sealed class When_a_service_runs_under_the_AppHost_or_in_its_image
{
    [Fact]
    public void Both_give_it_the_same_runtime_settings()
    {
        var props = XDocument.Load(Path.Combine(RepositoryLayout.Root, "services", "Directory.Build.props"));
        var image = props.Descendants("ContainerEnvironmentVariable")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Value")!);

        Assert.NotEmpty(ServiceRuntime.Environment);
        Assert.All(ServiceRuntime.Environment, setting => Assert.Equal(setting.Value, image.GetValueOrDefault(setting.Key)));
        Assert.All(image.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal)), k => Assert.Contains(k, ServiceRuntime.Environment.Keys));
    }
}

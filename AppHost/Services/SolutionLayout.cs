using System.Reflection;

namespace Workflow.AppHost.Services;

/// <summary>Where the repository and the services' build output are, found from the AppHost's own location.</summary>
public static class SolutionLayout
{
    public static string Root { get; } = FindRoot();

    private static readonly string Configuration =
        typeof(SolutionLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The service's build output: its content root, where its appsettings.json is.</summary>
    public static string OutputOf(ServiceDefinition service) =>
        Path.Combine(Root, "services", service.Project, "bin", Configuration, "net10.0");

    public static string AssemblyOf(ServiceDefinition service)
    {
        var path = Path.Combine(OutputOf(service), $"Workflow.{service.Project}.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{service.Name} is not built ({path}); build Workflow.sln or run the AppHost with 'dotnet run'.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflow.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}

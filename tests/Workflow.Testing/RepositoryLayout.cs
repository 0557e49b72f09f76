using System.Reflection;

namespace Workflow.Testing;

/// <summary>Where the repository and the built programs are, found from the test assembly's location.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The built assembly of a program in the repository, e.g. <c>("AppHost", "Workflow.AppHost")</c>.</summary>
    public static string BuiltAssembly(string projectDirectory, string assemblyName)
    {
        var path = Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assemblyName} is not built: {path}");
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

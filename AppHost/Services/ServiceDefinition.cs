namespace Workflow.AppHost.Services;

/// <param name="Name">The service's name: its folder under <c>services/</c> in lower case, and its OTEL_SERVICE_NAME.</param>
/// <param name="Project">Its folder and assembly suffix (<c>services/Ingest</c>, <c>Workflow.Ingest</c>).</param>
/// <param name="PublicRoutes">Path prefixes the public address forwards to it.</param>
/// <param name="SourceFiles">
/// Settings that name a file in the repository (path relative to the solution root): the
/// service reads the source file itself, so an edit takes effect in the running system.
/// </param>
public sealed record ServiceDefinition(
    string Name, string Project, IReadOnlyList<string> PublicRoutes, IReadOnlyDictionary<string, string>? SourceFiles = null)
{
    /// <summary>The connection string name the service reads (<c>ConnectionStrings:{name}db</c>).</summary>
    public string DatabaseName => Name + "db";
}

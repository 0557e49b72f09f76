using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.ServiceDefaults.Data;

namespace Workflow.ServiceDefaults.Storage;

public static class DocumentStoreExtensions
{
    /// <summary>The shared document store, rooted at <c>DocumentStore:Path</c>.</summary>
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder)
    {
        var root = builder.Configuration["DocumentStore:Path"]
            ?? Path.Combine(DatabaseExtensions.DataDirectory(builder.Configuration), "documents");
        builder.Services.AddSingleton<IDocumentStore>(new FileSystemDocumentStore(Path.GetFullPath(root)));
        return builder;
    }
}

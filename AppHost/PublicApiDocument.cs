using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflow.AppHost.Services;

namespace Workflow.AppHost;

/// <summary>
/// The one public OpenAPI document: each service describes its own routes at its
/// <c>/openapi/v1.json</c>; this merges the public ones (the routes the gateway serves) with their
/// schemas into the document at the public address. Hand-written: a merge of five JSON documents,
/// which no served package does.
/// </summary>
public static class PublicApiDocument
{
    public static async Task<IResult> GetAsync(IHttpClientFactory http, IOptions<AppHostOptions> options, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient();
        JsonObject? merged = null;
        for (var i = 0; i < ServiceCatalog.All.Count; i++)
        {
            var service = ServiceCatalog.All[i];
            var document = JsonNode.Parse(await client.GetStringAsync(
                $"http://127.0.0.1:{options.Value.ServicePortBase + i}/openapi/v1.json", cancellationToken))!.AsObject();
            var paths = document["paths"]?.AsObject() ?? [];
            foreach (var path in paths.Select(p => p.Key).ToList())
            {
                if (!service.PublicRoutes.Any(prefix => path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)))
                {
                    paths.Remove(path);
                }
            }

            if (merged is null)
            {
                merged = document;
                continue;
            }

            Merge(merged, document, "paths");
            Merge(Section(merged, "components"), Section(document, "components"), "schemas");
        }

        return Results.Text(merged!.ToJsonString(), "application/json");
    }

    private static JsonObject Section(JsonObject document, string name) => document[name] as JsonObject ?? (JsonObject)(document[name] = new JsonObject());

    /// <summary>Adds the entries of <paramref name="from"/>'s section that <paramref name="into"/> lacks (shared schemas are the same schema).</summary>
    private static void Merge(JsonObject into, JsonObject from, string name)
    {
        var target = Section(into, name);
        foreach (var (key, value) in Section(from, name).ToList())
        {
            if (!target.ContainsKey(key))
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workflow.Testing;

namespace Workflow.Deploy.Tests;

/// <summary>
/// The image script builds ingest's image, and the image runs as the manifests run it: as a
/// non-root user, with a read-only root filesystem and no capabilities; its migration step
/// (the init container's <c>migrate</c>) prepares the database; the service answers its health
/// endpoints, accepts a document with a key made by its own <c>keys</c> command, and declares
/// quorum queues when told to (as production does).
/// </summary>
public sealed class When_a_service_image_is_built : IAsyncLifetime
{
    private const string Tag = "test";
    private readonly RabbitMqBroker _broker = new();
    private readonly string _data = Directory.CreateTempSubdirectory("workflow-image-").FullName;
    private readonly string _container = $"workflow-image-test-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        DockerEnvironment.ApplyDefaults();
        await ((IAsyncLifetime)_broker).InitializeAsync();
        // The image's user (uid 1654) owns the volume, as fsGroup makes it in Kubernetes.
        await CommandLine.RunAsync("chown", ["1654:1654", _data]);
    }

    [Fact]
    public async Task Ingest_runs_as_non_root_on_a_read_only_root_migrates_serves_and_accepts_a_document()
    {
        var built = await CommandLine.RunAsync("bash", [Path.Combine(RepositoryLayout.Root, "scripts", "build-images.sh"), Tag, "ingest"], timeout: TimeSpan.FromMinutes(10));
        Assert.True(built.ExitCode == 0, built.ToString());
        var image = $"localhost:5000/workflow/ingest:{Tag}";
        Assert.Equal(0, (await CommandLine.RunAsync("docker", ["pull", "-q", image])).ExitCode);
        Assert.Equal("1654", (await CommandLine.RunAsync("docker", ["inspect", "--format", "{{.Config.User}}", image])).Output.Trim());
        // The runtime settings the AppHost gives its services (a 64 MB first generation).
        Assert.Contains("DOTNET_GCgen0size=0x4000000", (await CommandLine.RunAsync("docker", ["inspect", "--format", "{{json .Config.Env}}", image])).Output);

        string[] hardened = ["--network", "host", "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "-v", $"{_data}:/data"];
        string[] settings =
        [
            "-e", "ConnectionStrings__ingestdb=Data Source=/data/ingestdb.db", "-e", "DocumentStore__Path=/data/documents",
            "-e", "Auth__ApiKeysFile=/data/api-keys.json", "-e", "Workflow__DataDirectory=/tmp/workflow", "-e", "MASSTRANSIT_USAGE_TELEMETRY=false",
        ];
        var migrated = await CommandLine.RunAsync("docker", ["run", "--rm", .. hardened, .. settings, image, "migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        var keys = await CommandLine.RunAsync("docker", ["run", "--rm", .. hardened, .. settings, image, "keys", "create", "--tenant", "acme", "--role", "submitter", "--file", "/data/api-keys.json"]);
        Assert.True(keys.ExitCode == 0, keys.ToString());
        var key = keys.Output.Split('\n', StringSplitOptions.TrimEntries).Single(line => line.StartsWith("wf_", StringComparison.Ordinal));

        var port = FreePort.Next();
        var started = await CommandLine.RunAsync("docker",
            ["run", "-d", "--name", _container, .. hardened, .. settings, "-e", $"ASPNETCORE_HTTP_PORTS={port}",
             "-e", $"ConnectionStrings__rabbitmq={_broker.ConnectionString}", "-e", "Messaging__QuorumQueues=true", image]);
        Assert.True(started.ExitCode == 0, started.ToString());

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await Eventually.MatchesAsync(() => StatusOfAsync(client, "/health/ready"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(90),
            "the container to be ready (its logs: docker logs " + _container + ")");
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(client, "/health/live"));
        Assert.Equal("1654", (await CommandLine.RunAsync("docker", ["exec", _container, "id", "-u"])).Output.Trim());

        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var upload = await client.PostAsJsonAsync("/v1/documents", new { fileName = "ticket.txt", contentBase64 = Convert.ToBase64String("My laptop does not start."u8.ToArray()) });
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetGuid();
        Assert.Single(Directory.GetFiles(Path.Combine(_data, "documents"), id.ToString("N"), SearchOption.AllDirectories));

        // As production runs it (Messaging__QuorumQueues=true): the service's queues are quorum queues.
        var queues = await _broker.QueueTypesAsync();
        Assert.Equal("quorum", queues["ingest-document-status"]);
        Assert.All(queues.Where(q => q.Key.StartsWith("ingest-", StringComparison.Ordinal) && !q.Key.EndsWith("_error", StringComparison.Ordinal)
            && !q.Key.EndsWith("_skipped", StringComparison.Ordinal)), q => Assert.Equal("quorum", q.Value));
    }

    private static async Task<HttpStatusCode?> StatusOfAsync(HttpClient client, string path)
    {
        try
        {
            return (await client.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task DisposeAsync()
    {
        await CommandLine.RunAsync("docker", ["rm", "-f", _container]);
        // The pulled copy only: the next run's would otherwise leave this one behind, untagged.
        await CommandLine.RunAsync("docker", ["rmi", $"localhost:5000/workflow/ingest:{Tag}"]);
        await ((IAsyncLifetime)_broker).DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}

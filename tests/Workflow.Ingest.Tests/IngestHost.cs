using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;
using Workflow.ServiceDefaults.Auth;
using Workflow.Testing;

namespace Workflow.Ingest.Tests;

/// <summary>Ingest in the test process, on a real RabbitMQ and a real SQLite file, migrated as in production.</summary>
public sealed class IngestHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const long MaxDocumentBytes = 64 * 1024;

    private readonly RabbitMqBroker _broker = new();

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("workflow-ingest-tests-").FullName;

    public string BrokerConnectionString => _broker.ConnectionString;

    public string DocumentStorePath => Path.Combine(DataDirectory, "documents");

    /// <summary>Documents whose status events a test makes fail to save.</summary>
    public PoisonedDocuments Poisoned { get; } = new();

    /// <summary>The key every client of this host sends: tenant <c>acme</c>, submitter and auditor.</summary>
    public string ApiKey { get; private set; } = "";

    /// <summary>A key of another tenant, for isolation tests.</summary>
    public string OtherTenantKey { get; private set; } = "";

    /// <summary>A client of this host, or of one derived from it, sending <paramref name="key"/> instead (null: no key).</summary>
    public static HttpClient ClientWith(WebApplicationFactory<Program> factory, string? key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        }

        return client;
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var keysFile = Path.Combine(DataDirectory, "api-keys.json");
        if (ApiKey.Length == 0)
        {
            // Once: a host derived with WithWebHostBuilder configures again, and must find the same keys.
            var (key, entry) = ApiKeyEntry.Create("acme", [Roles.Submitter, Roles.Auditor], "tests", DateTimeOffset.UtcNow);
            var (otherKey, other) = ApiKeyEntry.Create("globex", [Roles.Submitter], "other tenant", DateTimeOffset.UtcNow);
            ApiKeyFile.Write(keysFile, [entry, other]);
            (ApiKey, OtherTenantKey) = (key, otherKey);
        }

        builder.UseSetting(ApiKeyFile.PathSetting, keysFile);
        builder.UseSetting("ConnectionStrings:rabbitmq", _broker.ConnectionString);
        builder.UseSetting("ConnectionStrings:ingestdb", $"Data Source={Path.Combine(DataDirectory, "ingest.db")}");
        builder.UseSetting("DocumentStore:Path", DocumentStorePath);
        builder.UseSetting("Ingest:Upload:MaxDocumentBytes", MaxDocumentBytes.ToString());
        builder.ConfigureTestServices(services => services
            .AddSingleton<IInterceptor>(Poisoned)
            .AddScoped<When_a_repeat_fails_on_what_the_first_copy_did.DecidesOnce>());
    }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_broker).InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IngestDbContext>().Database.MigrateAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await ((IAsyncLifetime)_broker).DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}

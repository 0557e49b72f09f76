using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Ingest.Data;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:rabbitmq", _broker.ConnectionString);
        builder.UseSetting("ConnectionStrings:ingestdb", $"Data Source={Path.Combine(DataDirectory, "ingest.db")}");
        builder.UseSetting("DocumentStore:Path", DocumentStorePath);
        builder.UseSetting("Ingest:Upload:MaxDocumentBytes", MaxDocumentBytes.ToString());
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

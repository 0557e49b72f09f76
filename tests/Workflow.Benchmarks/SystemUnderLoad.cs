using System.Diagnostics;
using Workflow.Testing;
using Xunit;

namespace Workflow.Benchmarks;

/// <summary>The system being measured: one already running, or one this run starts (broker container + AppHost).</summary>
public sealed class SystemUnderLoad : IAsyncDisposable
{
    private RabbitMqBroker? _broker;
    private Process? _appHost;
    private string? _data;

    public required Uri Address { get; init; }
    public required string BrokerConnectionString { get; init; }

    /// <summary>The broker's management API, where its delivery counters are read.</summary>
    public required Uri BrokerManagement { get; init; }

    /// <summary>A submitter's API key: the one the AppHost made for this run, or <c>WORKFLOW_API_KEY</c> for a running system.</summary>
    public string ApiKey { get; private set; } = "";

    /// <param name="settings">The run's settings.</param>
    /// <param name="environment">More settings for the system this run starts (a trace receiver's address).</param>
    public static async Task<SystemUnderLoad> AttachOrStartAsync(BenchmarkSettings settings, IEnumerable<(string Name, string Value)> environment)
    {
        if (settings.Target is not null)
        {
            return new SystemUnderLoad
            {
                Address = settings.Target,
                BrokerConnectionString = settings.Broker ?? throw new ArgumentException("--target needs --broker amqp://…"),
                // The management plugin's standard port on the broker's host.
                BrokerManagement = new UriBuilder("http", new Uri(settings.Broker).Host, RabbitMqBroker.ManagementPort).Uri,
                ApiKey = Environment.GetEnvironmentVariable("WORKFLOW_API_KEY") ?? throw new ArgumentException("--target needs a submitter's key in WORKFLOW_API_KEY"),
            };
        }

        var broker = new RabbitMqBroker();
        await broker.StartAsync();
        // Production has no port proxy between the services and their broker; neither does the benchmark where it can.
        var brokerConnectionString = await broker.DirectConnectionStringAsync();
        var port = FreePort.Next();
        var data = Directory.CreateTempSubdirectory("workflow-benchmark-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryLayout.Root,
        };
        foreach (var argument in new[]
        {
            RepositoryLayout.BuiltAssembly("AppHost", "Workflow.AppHost"), "--dashboard", "off", "--port", port.ToString(),
            "--service-port-base", FreePort.Range(5).ToString(), "--data", data,
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ConnectionStrings__rabbitmq"] = brokerConnectionString;
        // The services' own logs would only slow them down here.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // One key sends every upload and status poll of the run: measure the pipeline, not the limiter's refusals.
        info.Environment["RateLimits__PermitLimit"] = "100000000";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var appHost = Process.Start(info)!;
        appHost.OutputDataReceived += (_, _) => { };
        appHost.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        appHost.BeginOutputReadLine();
        appHost.BeginErrorReadLine();

        var system = new SystemUnderLoad
        {
            Address = new Uri($"http://127.0.0.1:{port}"), BrokerConnectionString = brokerConnectionString,
            BrokerManagement = broker.ManagementAddressFor(brokerConnectionString), _broker = broker, _appHost = appHost, _data = data,
        };
        using var client = new HttpClient();
        await Eventually.MatchesAsync(
            async () => !appHost.HasExited && (await client.GetAsync(new Uri(system.Address, "/health/ready"))).IsSuccessStatusCode,
            ready => ready, TimeSpan.FromMinutes(3), "the system to start");
        system.ApiKey = (await File.ReadAllTextAsync(Path.Combine(data, "dev-api-key"))).Trim();
        return system;
    }

    public async ValueTask DisposeAsync()
    {
        if (_appHost is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _appHost.Id.ToString()])!.WaitForExit();
            await _appHost.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        if (_broker is not null)
        {
            await ((IAsyncLifetime)_broker).DisposeAsync();
        }

        if (_data is not null)
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

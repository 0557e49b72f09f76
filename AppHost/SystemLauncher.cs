using Microsoft.Extensions.Options;
using Workflow.AppHost.Broker;
using Workflow.AppHost.Services;

namespace Workflow.AppHost;

/// <summary>
/// Brings the whole system up (broker, each service's migration step, the five services) and
/// down again, in the way an Aspire AppHost would: same environment variable names.
/// </summary>
public sealed class SystemLauncher(
    BrokerLauncher brokers, IOptions<AppHostOptions> options, SystemReadiness readiness, IHttpClientFactory http,
    IHostApplicationLifetime lifetime, ILogger<SystemLauncher> logger) : BackgroundService
{
    private static readonly int[] Colours = [36, 33, 35, 32, 34];
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private volatile bool _stopping;
    private RunningBroker? _broker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await StartSystemAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "Workflow could not start");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private async Task StartSystemAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var data = Path.GetFullPath(settings.DataDirectory ?? Path.Combine(SolutionLayout.Root, ".workflow"));
        Directory.CreateDirectory(data);

        _broker = await brokers.StartAsync(data, stoppingToken);
        logger.LogInformation("RabbitMQ: {Broker}", _broker.Description);

        if (EarlierNotifyKeys.CopyIfNeeded(data, SolutionLayout.OutputOf(ServiceCatalog.Named("notify"))) is > 0 and var copied)
        {
            logger.LogInformation("Copied notify's {Count} key file(s) from its build output to {Directory}", copied, Path.Combine(data, EarlierNotifyKeys.KeysFolder));
        }

        var keysFile = Environment.GetEnvironmentVariable(KeysFileSetting) ?? Path.Combine(data, "api-keys.json");
        var environments = ServiceCatalog.All.Select((s, i) => (Service: s, Port: settings.ServicePortBase + i, Env: EnvironmentFor(s, data, settings.ServicePortBase + i, keysFile))).ToList();

        // The migration step: once per service, before any replica serves.
        var migrations = environments.Select(e => ServiceProcess.Start(
            e.Service.Name + ":migrate", "dotnet", [SolutionLayout.AssemblyOf(e.Service), "migrate"], e.Env, 90,
            SolutionLayout.OutputOf(e.Service))).ToList();
        foreach (var migration in migrations)
        {
            await migration.WaitForExitAsync(stoppingToken);
            if (migration.ExitCode != 0)
            {
                throw new InvalidOperationException($"{migration.Name} failed with exit code {migration.ExitCode}.");
            }
        }

        var developmentKey = await DevelopmentApiKey.EnsureAsync(data, keysFile, ServiceCatalog.Named("ingest"), stoppingToken);
        for (var i = 0; i < environments.Count; i++)
        {
            var (service, _, env) = environments[i];
            var colour = Colours[i % Colours.Length];
            Start(service, env, colour);
            _ = SuperviseAsync(service, env, colour, stoppingToken);
        }

        await WaitUntilReadyAsync(environments.Select(e => (e.Service, e.Port)).ToList(), stoppingToken);
        readiness.MarkReady();
        logger.LogInformation("Workflow is ready: API on http://localhost:{Port} (POST /v1/documents){Management}",
            settings.Port, _broker.ManagementUrl is null ? "" : $"; RabbitMQ management on {_broker.ManagementUrl}");
        if (developmentKey is not null)
        {
            logger.LogInformation("Development API key (tenant default, every role), also in {KeyFile}: send it as X-Api-Key", Path.Combine(data, DevelopmentApiKey.FileName));
            Console.WriteLine($"X-Api-Key: {developmentKey}");
        }
    }

    private void Start(ServiceDefinition service, Dictionary<string, string> env, int colour)
    {
        var process = ServiceProcess.Start(service.Name, "dotnet", [SolutionLayout.AssemblyOf(service)], env, colour, SolutionLayout.OutputOf(service));
        lock (_services)
        {
            _services[service.Name] = process;
        }
    }

    /// <summary>The service's process now (the supervisor may have replaced it).</summary>
    private ServiceProcess Current(string service)
    {
        lock (_services)
        {
            return _services[service];
        }
    }

    /// <summary>A service that dies (a crash, an OOM kill, kill -9) is started again, as an orchestrator would.</summary>
    private async Task SuperviseAsync(ServiceDefinition service, Dictionary<string, string> env, int colour, CancellationToken stoppingToken)
    {
        var backoff = RestartBackoff.ForServices();
        while (!stoppingToken.IsCancellationRequested)
        {
            var current = Current(service.Name);
            try
            {
                await current.WaitForExitAsync(stoppingToken);
                if (_stopping)
                {
                    return;
                }

                var ranFor = current.RanFor;
                var wait = backoff.After(ranFor);
                logger.LogWarning("{Service} exited with code {ExitCode} after {RanFor:g}; starting it again in {Wait:g}",
                    service.Name, current.ExitCode, ranFor, wait);
                await Task.Delay(wait, stoppingToken);
                Start(service, env, colour);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // A supervisor that cannot go on would leave the service dead without a word: stop loudly instead.
                logger.LogCritical(e, "Could not start {Service} again; stopping Workflow", service.Name);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }
        }
    }

    private const string KeysFileSetting = "Auth__ApiKeysFile";

    private Dictionary<string, string> EnvironmentFor(ServiceDefinition service, string data, int port, string keysFile)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__rabbitmq"] = _broker!.ConnectionString,
            [$"ConnectionStrings__{service.DatabaseName}"] = $"Data Source={Path.Combine(data, service.DatabaseName + ".db")}",
            // Where a service keeps what is not named here (notify's key ring).
            ["Workflow__DataDirectory"] = data,
            ["DocumentStore__Path"] = Path.Combine(data, "documents"),
            [KeysFileSetting] = keysFile,
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        // Defaults: a setting given to the AppHost itself (a test's own rules file, another GC budget)
        // reaches the service as it is, since the service inherits the AppHost's environment.
        var defaults = ServiceRuntime.Environment.Concat((service.SourceFiles ?? new Dictionary<string, string>())
            .Select(source => KeyValuePair.Create(source.Key, Path.Combine(SolutionLayout.Root, source.Value))));
        foreach (var (setting, value) in defaults.Where(d => Environment.GetEnvironmentVariable(d.Key) is null))
        {
            env[setting] = value;
        }

        return env;
    }

    private async Task WaitUntilReadyAsync(IReadOnlyList<(ServiceDefinition Service, int Port)> services, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        foreach (var (service, port) in services)
        {
            while (true)
            {
                var process = Current(service.Name);
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{service.Name} exited with code {process.ExitCode} while starting.");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"), cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Probe timed out; try again.
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{service.Name} was not ready within 3 minutes.");
                }

                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        await base.StopAsync(cancellationToken);
        List<ServiceProcess> running;
        lock (_services)
        {
            running = [.. _services.Values];
        }

        await Task.WhenAll(running.Select(s => s.StopAsync(TimeSpan.FromSeconds(15))));
        if (_broker is not null)
        {
            await _broker.StopAsync();
        }
    }
}

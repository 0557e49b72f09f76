using System.Diagnostics;
using System.Net.Http.Json;
using Workflow.Testing;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The whole system as a user runs it: the AppHost process starts the five services as
/// processes against a real RabbitMQ, and serves them on one address.
/// </summary>
public class RunningWorkflow : IAsyncLifetime
{
    public static readonly string[] Services = ["ingest", "extract", "classify", "route", "notify"];

    private readonly RabbitMqBroker _broker;
    private readonly OutputTail _output = new();
    private readonly string _data = Directory.CreateTempSubdirectory("workflow-e2e-").FullName;

    /// <summary>Guards <see cref="_log"/>: lines come from two output streams at once, and the file closes at disposal.</summary>
    private readonly Lock _logWriting = new();
    private Process? _appHost;
    private StreamWriter? _log;

    public RunningWorkflow()
        : this(new RabbitMqBroker())
    {
    }

    protected RunningWorkflow(RabbitMqBroker broker)
    {
        _broker = broker;
    }

    public RabbitMqBroker Broker => _broker;

    /// <summary>The document store every service reads.</summary>
    public string DocumentStorePath => Path.Combine(_data, "documents");

    /// <summary>Where the services keep their SQLite databases, to count effects.</summary>
    public Database DatabaseOf(string service) => new(Path.Combine(DataDirectory, service + "db.db"));

    /// <summary>The services' data directory (databases, documents, notify's keys).</summary>
    public string DataDirectory => _data;

    public int Port { get; } = FreePort.Next();

    public int ServicePortBase { get; } = FreePort.Range(Services.Length);

    public string BrokerConnectionString => _broker.ConnectionString;

    /// <summary>Route's rules file for this run: a copy of the shipped one, which tests may change while the system runs.</summary>
    public string RoutingRulesPath => Path.Combine(_data, "routing-rules.json");

    /// <summary>The company's mail server: departments' and reviewers' e-mail arrives here.</summary>
    public SmtpSink Mail { get; } = new();

    public const string ProcurementAddress = "procurement@example.test";
    public const string ReviewersAddress = "reviewers@example.test";

    public static string ShippedRoutingRules => File.ReadAllText(Path.Combine(RepositoryLayout.Root, "services", "Route", "routing-rules.json"));

    public const string ShippedRulesVersion = "2026-11-23";

    /// <summary>Writes route's rules file, as an operator would, and waits until route has loaded that version.</summary>
    public async Task UseRoutingRulesAsync(string json, string version)
    {
        await File.WriteAllTextAsync(RoutingRulesPath, json);
        await Eventually.MatchesAsync(
            () => Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/routing-rules"),
            s => s.GetProperty("rules").GetProperty("version").GetString() == version, TimeSpan.FromSeconds(30), $"route to load rules {version}");
    }

    public Task UseShippedRoutingRulesAsync() => UseRoutingRulesAsync(ShippedRoutingRules, ShippedRulesVersion);

    public HttpClient Api { get; private set; } = null!;

    /// <summary>Where every service exports its traces (OTLP), as to a real telemetry backend.</summary>
    public OtlpReceiver Telemetry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_broker).InitializeAsync();
        Telemetry = await OtlpReceiver.StartAsync();

        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryLayout.Root,
        };
        foreach (var argument in new[]
        {
            RepositoryLayout.BuiltAssembly("AppHost", "Workflow.AppHost"),
            "--port", Port.ToString(), "--service-port-base", ServicePortBase.ToString(), "--data", _data, "--dashboard", "off",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ConnectionStrings__rabbitmq"] = _broker.ConnectionString;
        await File.WriteAllTextAsync(RoutingRulesPath, ShippedRoutingRules);
        info.Environment["Routing__RulesFile"] = RoutingRulesPath;
        info.Environment["Routing__DeadlineSweepInterval"] = "00:00:00.500";
        // Tests poll statuses many times a second; the limits themselves are tested in ingest's tests.
        info.Environment["RateLimits__PermitLimit"] = "1000000";
        foreach (var (setting, value) in NotifySettings().Concat(Telemetry.ExporterSettings))
        {
            info.Environment[setting] = value;
        }
        _appHost = Process.Start(info)!;
        _log = new StreamWriter(Path.Combine(_data, "output.log")) { AutoFlush = true };
        _appHost.OutputDataReceived += (_, e) => Print(e.Data);
        _appHost.ErrorDataReceived += (_, e) => Print(e.Data);
        _appHost.BeginOutputReadLine();
        _appHost.BeginErrorReadLine();

        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            await Eventually.MatchesAsync(
                async () => _appHost.HasExited ? throw new InvalidOperationException("AppHost exited") : (await Api.GetAsync("/health/ready")).IsSuccessStatusCode,
                ready => ready, TimeSpan.FromMinutes(3), "the AppHost to report every service ready");
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Workflow did not start. AppHost output:\n{RecentOutput()}", e);
        }

        // The key the AppHost made for a local run: tenant "default", every role.
        ApiKey = (await File.ReadAllTextAsync(Path.Combine(_data, "dev-api-key"))).Trim();
        Api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    /// <summary>The development key every test's <see cref="Api"/> sends: tenant <c>default</c>, every role.</summary>
    public string ApiKey { get; private set; } = "";

    /// <summary>A client of one service's own port (not the public address), with the development key.</summary>
    public HttpClient ServiceClient(string service) => ClientWith(ApiKey, service);

    /// <summary>A client of the public address, or of one service's own port, sending this key (null: none).</summary>
    public HttpClient ClientWith(string? key, string? service = null)
    {
        var client = new HttpClient
        {
            BaseAddress = service is null ? new Uri($"http://127.0.0.1:{Port}") : ServiceAddress(service), Timeout = TimeSpan.FromSeconds(30),
        };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A new key, made as an operator would, with the product's own command; the services accept it within a second.</summary>
    public async Task<string> CreateKeyAsync(string tenant, params string[] roles)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { RepositoryLayout.BuiltAssembly(Path.Combine("services", "Ingest"), "Workflow.Ingest"), "keys", "create",
            "--tenant", tenant, "--file", Path.Combine(_data, "api-keys.json") }.Concat(roles.SelectMany(r => new[] { "--role", r })))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        var key = output.Split('\n', StringSplitOptions.TrimEntries).Single(line => line.StartsWith("wf_", StringComparison.Ordinal));
        using var probe = ClientWith(key);
        await Eventually.MatchesAsync(async () => (await probe.GetAsync("/v1/documents?limit=1")).StatusCode, status => status != System.Net.HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10), $"the services to accept the new key of {tenant}");
        return key;
    }

    /// <summary>E-mail to the sink, webhooks to loopback receivers, and retries quick enough for a test.</summary>
    private IEnumerable<(string, string)> NotifySettings() =>
    [
        ("Notify__Email__Host", "127.0.0.1"), ("Notify__Email__Port", Mail.Port.ToString()), ("Notify__Email__Security", "None"),
        ("Notify__Email__Departments__Procurement", ProcurementAddress), ("Notify__Email__Reviewers__0", ReviewersAddress),
        ("Notify__Webhooks__AllowedNetworks__0", "127.0.0.0/8"),
        ("Notify__Delivery__MaxAttempts", "4"), ("Notify__Delivery__FirstRetryDelay", "00:00:00.200"),
        ("Notify__Delivery__MaxRetryDelay", "00:00:03"), ("Notify__Delivery__AttemptTimeout", "00:00:03"),
        ("Notify__Delivery__PollInterval", "00:00:00.200"),
    ];

    /// <summary>
    /// kill -9 one service (a child of this AppHost), then waits until the AppHost has started it
    /// again and it is ready.
    /// </summary>
    public async Task KillServiceAsync(string service)
    {
        var project = char.ToUpperInvariant(service[0]) + service[1..];
        int ProcessId() => ServiceProcesses.Running().FirstOrDefault(p => p.ParentId == _appHost!.Id && p.Project == project)?.Id ?? 0;

        var killed = ProcessId();
        Assert.NotEqual(0, killed);
        Process.GetProcessById(killed).Kill();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.MatchesAsync(
            async () => ProcessId() is var pid && pid != 0 && pid != killed
                && (await probe.GetAsync(new Uri(ServiceAddress(service), "/health/ready"))).IsSuccessStatusCode,
            ready => ready, TimeSpan.FromMinutes(1), $"{service} to be started again after kill -9");
    }

    /// <summary>Each service on its own loopback port, for probing them one by one.</summary>
    public Uri ServiceAddress(string service) => new($"http://127.0.0.1:{ServicePortBase + Array.IndexOf(Services, service)}");

    public string RecentOutput() => _output.Recent(200);

    /// <summary>
    /// Waits for one document to complete; if it does not in time, the failure says how far it got
    /// (<see cref="TrailOfAsync"/>), which a fault test needs to tell a lost event from a slow one.
    /// </summary>
    public async Task CompletesAsync(Guid documentId, TimeSpan patience)
    {
        try
        {
            var status = await DocumentJourney.FinishedAsync(Api, documentId, patience);
            Assert.Equal("Completed", status.GetProperty("status").GetString());
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}. Where it is: {await TrailOfAsync(documentId)}", e);
        }
    }

    /// <summary>
    /// For a failure message: how far one document got (each service's effect for it) and what
    /// every service's outbox still holds.
    /// </summary>
    public async Task<string> TrailOfAsync(Guid documentId)
    {
        var lines = new List<string>();
        foreach (var (service, table) in new[] { ("extract", "Extractions"), ("classify", "Classifications"), ("route", "Routings"), ("notify", "DocumentNotices") })
        {
            lines.Add($"{service}: {await DatabaseOf(service).CountForAsync(table, "DocumentId", [documentId])} row(s) in {table}");
        }

        foreach (var service in Services)
        {
            lines.Add($"{service}'s outbox: {await DatabaseOf(service).CountAsync("SELECT COUNT(*) FROM OutboxMessages")} event(s) waiting");
        }

        return string.Join("; ", lines) + $". Every line the services printed: {Path.Combine(_data, "output.log")} (kept with WORKFLOW_E2E_KEEP_DATA=1).";
    }

    /// <summary>Every line goes to the tail (for assertions) and to output.log in the data directory (for a post-mortem).</summary>
    private void Print(string? line)
    {
        _output.Add(line);
        if (line is not null)
        {
            lock (_logWriting)
            {
                _log?.WriteLine(line);
            }
        }
    }

    /// <summary>Everything the AppHost and the five services print (their logs) is searched for this from now on.</summary>
    public void WatchOutputFor(string text) => _output.Watch(text);

    public int TimesPrinted(string text) => _output.TimesSeen(text);

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_appHost is { HasExited: false })
        {
            // SIGTERM, as Ctrl+C would: the AppHost stops its services before it exits.
            Process.Start("kill", ["-TERM", _appHost.Id.ToString()])!.WaitForExit();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            try
            {
                await _appHost.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _appHost.Kill(entireProcessTree: true);
            }
        }

        _appHost?.Dispose();
        await ((IAsyncLifetime)_broker).DisposeAsync();
        await Mail.DisposeAsync();
        await Telemetry.DisposeAsync();
        lock (_logWriting)
        {
            _log?.Dispose();
            _log = null;
        }

        // WORKFLOW_E2E_KEEP_DATA=1 keeps the databases, documents and output.log of the run for a post-mortem.
        if (Environment.GetEnvironmentVariable("WORKFLOW_E2E_KEEP_DATA") != "1")
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}

using System.Diagnostics;

namespace Workflow.Testing;

/// <summary>
/// One Workflow service as a real process, with its own SQLite database in a test folder:
/// migrated, started, killed (SIGKILL) and started again, as an operator or a crash would.
/// </summary>
public sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly string _project;
    private readonly Dictionary<string, string> _environment;
    private readonly OutputTail _output = new(1000);
    private string? _ownedFolder;
    private Process? _process;

    public ServiceUnderTest(string project, string brokerConnectionString, string dataDirectory)
        : this(project, brokerConnectionString, dataDirectory, Path.Combine(dataDirectory, project.ToLowerInvariant() + "db.db"))
    {
    }

    /// <summary>A service with a test folder of its own for its database and documents, deleted with it.</summary>
    public static ServiceUnderTest InNewFolder(string project, string brokerConnectionString)
    {
        var folder = Directory.CreateTempSubdirectory($"workflow-{project.ToLowerInvariant()}-").FullName;
        return new ServiceUnderTest(project, brokerConnectionString, folder) { _ownedFolder = folder };
    }

    /// <summary>A service in a new folder, its database migrated, started (with extra settings) and ready.</summary>
    public static async Task<ServiceUnderTest> StartedInNewFolderAsync(string project, string brokerConnectionString, IDictionary<string, string>? settings = null)
    {
        var service = InNewFolder(project, brokerConnectionString);
        await service.MigrateAsync();
        await service.StartAsync(settings);
        return service;
    }

    /// <summary>A replica: another process of a service on a database that may be shared.</summary>
    public ServiceUnderTest(string project, string brokerConnectionString, string dataDirectory, string databasePath)
    {
        _project = project;
        Name = project.ToLowerInvariant();
        DatabasePath = databasePath;
        _environment = new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ConnectionStrings__rabbitmq"] = brokerConnectionString,
            [$"ConnectionStrings__{Name}db"] = $"Data Source={DatabasePath}",
            ["DocumentStore__Path"] = Path.Combine(dataDirectory, "documents"),
            ["OTEL_SERVICE_NAME"] = Name,
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false",
        };
    }

    public string Name { get; }
    public string DatabasePath { get; }
    public int Port { get; } = FreePort.Next();
    public bool HasExited => _process?.HasExited ?? true;
    public int ExitCode => _process!.ExitCode;
    public Database Database => new(DatabasePath);

    /// <summary>Runs the service's migration step, as the AppHost or a Kubernetes Job does.</summary>
    public async Task MigrateAsync()
    {
        using var migration = Launch(["migrate"], new Dictionary<string, string>());
        await migration.WaitForExitAsync();
        if (migration.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Name} migrate failed:\n{RecentOutput()}");
        }
    }

    /// <summary>Starts the service (with extra settings, e.g. fault injection) and waits until it is ready.</summary>
    public async Task StartAsync(IDictionary<string, string>? settings = null)
    {
        _process = Launch([], settings ?? new Dictionary<string, string>());
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.MatchesAsync(
            async () => _process.HasExited
                ? throw new InvalidOperationException($"{Name} exited while starting:\n{RecentOutput()}")
                : (await client.GetAsync(new Uri($"http://127.0.0.1:{Port}/health/ready"))).IsSuccessStatusCode,
            ready => ready, TimeSpan.FromMinutes(2), $"{Name} to be ready");
    }

    /// <summary>kill -9: no shutdown, no flushing, nothing finished.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string RecentOutput() => _output.Recent();

    /// <summary>How many of the lines the service printed (the last thousand) contain a text.</summary>
    public int OutputLinesContaining(string text) => _output.CountContaining(text);

    private Process Launch(IEnumerable<string> arguments, IDictionary<string, string> settings)
    {
        var assembly = RepositoryLayout.BuiltAssembly(Path.Combine("services", _project), "Workflow." + _project);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment.Concat(settings))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => _output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }


    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }
}

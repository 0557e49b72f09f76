using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Workflow.Route.Routing;

/// <summary>
/// The rule set in force, read from the rules file at start (an invalid file stops the service
/// with every problem listed) and again whenever the file changes. A changed file that is
/// invalid is refused with its problems logged and shown in <see cref="State"/>; the previous
/// rules stay in force, so a typo never stops routing.
/// </summary>
public sealed class RoutingRules : IHostedService, IDisposable
{
    private readonly string _path;
    private readonly ILogger<RoutingRules> _logger;
    private readonly TimeProvider _clock;
    private readonly Lock _reloading = new();
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private PhysicalFileProvider? _files;
    private ITimer? _settling;
    private IDisposable? _watch;
    private volatile RulesState _state;

    public RoutingRules(IOptions<RoutingOptions> options, ILogger<RoutingRules> logger, TimeProvider clock)
    {
        _path = Path.GetFullPath(options.Value.RulesFile, AppContext.BaseDirectory);
        _logger = logger;
        _clock = clock;
        var (rules, errors) = Read();
        if (rules is null)
        {
            throw new InvalidOperationException(
                $"The routing rules file {_path} is invalid:{Environment.NewLine} - {string.Join(Environment.NewLine + " - ", errors)}");
        }

        _state = new RulesState(rules, _clock.GetUtcNow(), null);
        logger.LogInformation("Routing rules version {Version} loaded: {Count} rule(s)", rules.Version, rules.Rules.Count);
    }

    public RoutingRuleSet Current => _state.Rules;

    public RulesState State => _state;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // PhysicalFileProvider honours DOTNET_USE_POLLING_FILE_WATCHER, which mounted
        // configuration (a Kubernetes ConfigMap swaps a symlink) needs.
        _files = new PhysicalFileProvider(Path.GetDirectoryName(_path)!);
        // An editor saves in several writes (truncate, then write): read once the file has been quiet for a moment.
        _settling = _clock.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watch = ChangeToken.OnChange(() => _files.Watch(Path.GetFileName(_path)), () => _settling.Change(Settle, Timeout.InfiniteTimeSpan));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the file again; invoked by the watcher, public for an operator's "reload now".</summary>
    public void Reload()
    {
        lock (_reloading)
        {
            var (rules, errors) = Read();
            var now = _clock.GetUtcNow();
            if (rules is null)
            {
                _state = _state with { Problem = new RulesProblem(errors, now) };
                _logger.LogError("The changed routing rules file was refused; version {Version} stays in force. Problems: {Problems}",
                    _state.Rules.Version, string.Join(" | ", errors));
                return;
            }

            _state = new RulesState(rules, now, null);
            _logger.LogInformation("Routing rules version {Version} loaded: {Count} rule(s)", rules.Version, rules.Rules.Count);
        }
    }

    private (RoutingRuleSet? Rules, IReadOnlyList<string> Errors) Read()
    {
        try
        {
            return RuleSetParser.Parse(File.ReadAllText(_path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [$"The file cannot be read: {e.Message}"]);
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _settling?.Dispose();
        _files?.Dispose();
    }
}

/// <summary>The rules in force, since when, and the last refused change if any came after them.</summary>
public sealed record RulesState(RoutingRuleSet Rules, DateTimeOffset LoadedAt, RulesProblem? Problem);

public sealed record RulesProblem(IReadOnlyList<string> Errors, DateTimeOffset At);

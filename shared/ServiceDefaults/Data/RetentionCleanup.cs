using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.ServiceDefaults.Hosting;

namespace Workflow.ServiceDefaults.Data;

/// <summary>Forgets rows once their retention window has passed, on a timer.</summary>
public abstract class RetentionCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : PeriodicWork(scopes, clock, logger)
{
    /// <summary>What is forgotten, for the log (<c>processed message ids</c>).</summary>
    protected abstract string Forgotten { get; }

    protected override string What => $"Forgetting expired {Forgotten}";

    /// <returns>How many rows were removed.</returns>
    protected abstract Task<int> RemoveExpiredAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task RunOnceAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = await RemoveExpiredAsync(services, now, cancellationToken);
        if (removed > 0)
        {
            Logger.LogInformation("Forgot {Count} {What} past their retention", removed, Forgotten);
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.ServiceDefaults.Auth;

namespace Workflow.ServiceDefaults.Http;

/// <summary>
/// Requests per API key (per client address without one) in fixed windows, enforced by ASP.NET
/// Core's rate limiter. Every API response says where the caller stands
/// (<c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c> in seconds); over the limit the
/// answer is 429 with <c>Retry-After</c>, as a problem. Health endpoints are not limited.
/// </summary>
public sealed class RateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Requests one key may make in a window (<c>RateLimits:PermitLimit</c>).</summary>
    public int PermitLimit { get; set; } = 6000;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>When each partition's current run of windows began: its limiter replenishes every window from then.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _started = new();

    internal PartitionedRateLimiter<HttpContext> Limiter { get; private set; } = null!;

    internal static string PartitionOf(HttpContext context) =>
        context.User.KeyIdOf() is { } key ? "key:" + key : "address:" + context.Connection.RemoteIpAddress;

    /// <summary>Orchestrators probe health as often as they like.</summary>
    internal static bool IsExempt(HttpContext context) => context.Request.Path.StartsWithSegments("/health");

    internal PartitionedRateLimiter<HttpContext> Build(TimeProvider clock) => Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    {
        if (IsExempt(context))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        var partition = PartitionOf(context);
        return RateLimitPartition.GetFixedWindowLimiter(partition, key =>
        {
            _started[key] = clock.GetUtcNow();
            return new FixedWindowRateLimiterOptions { PermitLimit = PermitLimit, Window = Window, QueueLimit = 0, AutoReplenishment = true };
        });
    });

    /// <summary>Seconds until the caller's window starts again.</summary>
    internal int SecondsToReset(HttpContext context, DateTimeOffset now)
    {
        var started = _started.GetValueOrDefault(PartitionOf(context), now);
        var into = TimeSpan.FromTicks((now - started).Ticks % Window.Ticks);
        return (int)Math.Ceiling((Window - into).TotalSeconds);
    }
}

public static class RateLimitExtensions
{
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimits.Section).Get<RateLimits>() ?? new RateLimits();
        builder.Services.AddSingleton(limits);
        builder.Services.AddOptions<RateLimiterOptions>().Configure<TimeProvider>((options, clock) => options.GlobalLimiter = limits.Build(clock));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 1;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Type = ProblemTypes.RateLimited, Title = "Too many requests",
                        Detail = $"This key may make {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s; try again in {retryAfter} s." },
                });
            };
        });
        return builder;
    }

    /// <summary>After authentication (the key is the partition), before the endpoints.</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<RateLimits>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        // Building the options builds the limiter the headers read.
        _ = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimiterOptions>>().Value;
        app.Use(async (context, next) =>
        {
            if (!RateLimits.IsExempt(context))
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers["X-RateLimit-Limit"] = limits.PermitLimit.ToString(CultureInfo.InvariantCulture);
                    headers["X-RateLimit-Remaining"] = (limits.Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0).ToString(CultureInfo.InvariantCulture);
                    headers["X-RateLimit-Reset"] = limits.SecondsToReset(context, clock.GetUtcNow()).ToString(CultureInfo.InvariantCulture);
                    return Task.CompletedTask;
                });
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }
}

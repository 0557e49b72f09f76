using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Http;
using Workflow.ServiceDefaults.Messaging;
using Workflow.ServiceDefaults.Telemetry;

namespace Workflow.ServiceDefaults;

/// <summary>What every Workflow service has: telemetry, health endpoints, problem details, API keys and rate limits.</summary>
public static class Extensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddWorkflowTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.AddApiKeyAuthentication();
        builder.AddRateLimits();
        builder.AddWorkflowOpenApi();
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseAuthorization();

        // Mapped in every environment: orchestrators probe them in production.
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapFailedMessagesApi();
        app.MapWorkflowOpenApi();
        return app;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Workflow.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>MassTransit's ActivitySource and Meter name.</summary>
    private const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry. Exported over OTLP only when the
    /// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (as an Aspire AppHost or our own does);
    /// the service name comes from <c>OTEL_SERVICE_NAME</c>.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitSource)
                .AddMeter(WorkflowMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(MassTransitSource)
                // The relay continues each event's trace from the work that committed it.
                .AddSource(Messaging.Durable.OutboxRelay.ActivitySourceName)
                .AddAspNetCoreInstrumentation(o =>
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}

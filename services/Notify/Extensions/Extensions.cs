using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflow.Notify.Apis;
using Workflow.Notify.Consumers;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.Notify.Email;
using Workflow.Notify.Webhooks;
using Workflow.ServiceDefaults.Data;
using Workflow.ServiceDefaults.Messaging;

namespace Workflow.Notify.Extensions;

public static class Extensions
{
    public static IHostApplicationBuilder AddNotifyServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotifyDbContext, SqliteNotifyDbContext, SqlServerNotifyDbContext>("notifydb");

        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section)
            .Validate(o => o.MaxAttempts >= 1 && o.Parallelism >= 1 && o.AttemptTimeout > TimeSpan.Zero && o.PollInterval > TimeSpan.Zero,
                "Notify:Delivery needs MaxAttempts and Parallelism of at least 1 and positive AttemptTimeout and PollInterval.")
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.AllowedNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Notify:Webhooks:AllowedNetworks must be CIDR networks, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);

        services.AddSingleton<DestinationPolicy>();
        services.AddHttpClient(WebhookSender.ClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value.AttemptTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Workflow-Webhooks/1");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<DestinationPolicy>().ConnectAsync,

                // A redirect is an answer, not an invitation to call somewhere else.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            });
        services.AddScoped<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.AddScoped<DeliveryPlanner>();
        services.AddSigningSecretProtection(builder.Configuration);
        services.AddHostedService<SigningSecretsUpkeep>();
        services.AddScoped<CallbackSecrets>();
        services.AddScoped<DocumentCompletion>();
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<IInterceptor, DeliveryCommitInterceptor>();
        services.AddHostedService<DeliveryDispatcher>();

        builder.AddMessaging("notify", x =>
        {
            x.AddConsumer<DocumentRoutedConsumer>();
            x.AddConsumer<DocumentReviewEscalatedConsumer>();
            x.AddConsumer<DocumentRejectedConsumer>();
            x.AddConsumer<DocumentCallbackDueConsumer>();
        });
        return builder;
    }

    public static WebApplication MapNotifyApis(this WebApplication app)
    {
        app.MapWebhooksApiV1();
        app.MapCallbacksApiV1();
        return app;
    }
}

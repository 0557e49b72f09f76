using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// The AMQP header naming the service that published a message, so RabbitMQ can route by it
    /// (ingest does not take back its own uploads) and an operator can see it without decoding a body.
    /// </summary>
    public const string PublisherHeader = "Workflow-Publisher";
    private const string LocalBroker = "amqp://guest:guest@localhost:5672/";

    /// <summary>
    /// MassTransit on RabbitMQ with the conventions every service shares: queues named
    /// <c>{service}-{consumer}</c>, exchanges named <c>workflow.{event}</c>, retry with
    /// exponential backoff.
    /// Every consumer runs in one database transaction with an inbox (repeats are dropped) and
    /// publishes through the <see cref="EventOutbox"/>, relayed after commit.
    /// Plain JSON from clients outside .NET is accepted only on queues marked with
    /// <see cref="AcceptsPlainJson{TConsumer}"/>; every other queue takes MassTransit envelopes.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator> configure)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName) ?? LocalBroker;

        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // Without this, the host reports started before the bus is, and early publishes are lost.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        // Quorum queues (replicated, for a RabbitMQ cluster) where the broker and its operator
        // support them; classic queues otherwise. An existing queue keeps the type it was declared with.
        var quorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", false);
        var queues = new ServiceQueues();
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton(new FailedMessageQueues(connectionString, queues));

        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // First, so the retry and the unit of work wrap whatever a service adds to its endpoints.
            x.AddConfigureEndpointsCallback((context, queue, endpoint) =>
            {
                queues.Add(queue);
                if (context.GetServices<OwnUnitOfWork>().Any(own => own.Queue == queue))
                {
                    endpoint.UseWorkflowRetry();
                }
                else
                {
                    endpoint.UseDurableConsumption(context);
                }

                if (quorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
            });

            configure(x);

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(connectionString));
                cfg.ConfigurePublish(p => p.UseExecute(c => c.Headers.Set(PublisherHeader, serviceName)));
                cfg.MessageTopology.SetEntityNameFormatter(
                    new WorkflowEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
                cfg.ConfigureEndpoints(context);
            });
        });

        // Registered, so MassTransit resolves the unit of work per message rather than matching its
        // constructor by reflection each time (ActivatorUtilities: 0.5 % of the services' CPU samples, perf).
        builder.Services.AddScoped(typeof(TransactionalConsumeFilter<>));

        // After MassTransit's own hosted service, so the bus is started before the relay publishes.
        builder.Services.AddOptions<DurableMessagingOptions>().BindConfiguration(DurableMessagingOptions.Section);
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHostedService<InboxCleanup>();
        builder.Services.AddHostedService<OutboxBacklog>();
        return builder;
    }

    /// <summary>
    /// What every consuming endpoint gets: <see cref="UseWorkflowRetry"/>, and inside it each attempt
    /// in one unit of work of the service's database (inbox, outbox, one commit). The bus applies it
    /// to the endpoints it configures; an endpoint connected at run time calls it itself.
    /// </summary>
    public static void UseDurableConsumption(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        endpoint.UseWorkflowRetry();
        endpoint.UseConsumeFilter(typeof(TransactionalConsumeFilter<>), context);
    }

    /// <summary>Retry with exponential back-off; a message wrong in itself is not retried.</summary>
    public static void UseWorkflowRetry(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(r =>
        {
            // The first retry comes at once: most first failures are two consumers of one
            // document colliding in the database (version token, first insert), which a
            // second attempt resolves. Later ones back off for what takes longer to heal.
            r.Exponential(5, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400));
            // A message that is wrong in itself will be just as wrong on the next attempt.
            r.Ignore<InvalidMessageException>();
            r.Ignore<System.Text.Json.JsonException>();
        });
}

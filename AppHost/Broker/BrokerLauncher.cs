using Microsoft.Extensions.Options;

namespace Workflow.AppHost.Broker;

/// <summary>
/// Finds or starts RabbitMQ: the broker in <c>ConnectionStrings:rabbitmq</c> when one is given,
/// else a container when a Docker engine can run the image, else a private local node.
/// </summary>
public sealed class BrokerLauncher(IConfiguration configuration, IOptions<AppHostOptions> options, ILogger<BrokerLauncher> logger)
{
    public async Task<RunningBroker> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var existing = configuration.GetConnectionString("rabbitmq");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new RunningBroker(existing, null, "the broker in ConnectionStrings:rabbitmq", () => Task.CompletedTask);
        }

        var mode = settings.Broker.ToLowerInvariant();
        if (mode is "auto" or "docker")
        {
            if (await DockerRabbitMq.IsAvailableAsync(settings.RabbitMqImage))
            {
                return await DockerRabbitMq.StartAsync(settings.RabbitMqImage, settings.BrokerPort, settings.BrokerManagementPort, cancellationToken);
            }

            logger.LogInformation("No Docker engine can run {Image}", settings.RabbitMqImage);
        }

        if (mode is "auto" or "local" && LocalRabbitMqNode.IsInstalled)
        {
            return await LocalRabbitMqNode.StartAsync(dataDirectory, settings.BrokerPort, settings.BrokerManagementPort, cancellationToken);
        }

        throw new InvalidOperationException(
            "No RabbitMQ available: set ConnectionStrings__rabbitmq, start a Docker engine, or install rabbitmq-server " +
            "(scripts/run.sh installs it on Debian).");
    }
}

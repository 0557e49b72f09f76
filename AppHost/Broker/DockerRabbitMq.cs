namespace Workflow.AppHost.Broker;

/// <summary>RabbitMQ in a container, its ports published on loopback only.</summary>
public static class DockerRabbitMq
{
    private const string User = "workflow";

    public static async Task<bool> IsAvailableAsync(string image) => await Docker.IsRunningAsync() && await Docker.HasImageAsync(image, pull: true);

    public static async Task<RunningBroker> StartAsync(string image, int amqpPort, int managementPort, CancellationToken cancellationToken)
    {
        var name = $"workflow-rabbitmq-{amqpPort}";
        var (started, output) = await Docker.RunDetachedAsync(name,
        [
            "-p", $"127.0.0.1:{amqpPort}:5672", "-p", $"127.0.0.1:{managementPort}:15672",
            "-e", $"RABBITMQ_DEFAULT_USER={User}", "-e", $"RABBITMQ_DEFAULT_PASS={User}",
        ], image);
        if (!started)
        {
            throw new InvalidOperationException($"docker run {image} failed: {output}");
        }

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await Command.RunAsync("docker", ["logs", name], TimeSpan.FromSeconds(10))).Output.Contains("Server startup complete", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"RabbitMQ in container {name} did not start within 2 minutes.");
            }

            await Task.Delay(500, cancellationToken);
        }

        return new RunningBroker(
            $"amqp://{User}:{User}@127.0.0.1:{amqpPort}/", $"http://127.0.0.1:{managementPort}", $"container {name} ({image})",
            () => Docker.RemoveAsync(name));
    }
}

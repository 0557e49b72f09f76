namespace Workflow.AppHost.Broker;

/// <summary>RabbitMQ in a container, its ports published on loopback only.</summary>
public static class DockerRabbitMq
{
    private const string User = "workflow";

    public static async Task<bool> IsAvailableAsync(string image)
    {
        if ((await Command.RunAsync("docker", ["info"], TimeSpan.FromSeconds(10))).ExitCode != 0)
        {
            return false;
        }

        return (await Command.RunAsync("docker", ["image", "inspect", image], TimeSpan.FromSeconds(10))).ExitCode == 0
            || (await Command.RunAsync("docker", ["pull", image], TimeSpan.FromMinutes(3))).ExitCode == 0;
    }

    public static async Task<RunningBroker> StartAsync(string image, int amqpPort, int managementPort, CancellationToken cancellationToken)
    {
        var name = $"workflow-rabbitmq-{amqpPort}";
        await Command.RunAsync("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30));
        var (exitCode, output) = await Command.RunAsync("docker",
        [
            "run", "-d", "--rm", "--name", name,
            "-p", $"127.0.0.1:{amqpPort}:5672", "-p", $"127.0.0.1:{managementPort}:15672",
            "-e", $"RABBITMQ_DEFAULT_USER={User}", "-e", $"RABBITMQ_DEFAULT_PASS={User}",
            image,
        ], TimeSpan.FromMinutes(1));
        if (exitCode != 0)
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
            () => Command.RunAsync("docker", ["rm", "-f", name], TimeSpan.FromSeconds(30)));
    }
}

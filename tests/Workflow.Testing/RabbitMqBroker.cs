using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using Testcontainers.RabbitMq;
using Xunit;

namespace Workflow.Testing;

/// <summary>
/// A real RabbitMQ for a test run, in a container started by Testcontainers. The image is
/// <c>WORKFLOW_RABBITMQ_IMAGE</c> (scripts/test.sh builds one locally where images cannot be
/// pulled); its ports are published on loopback only.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public const string DefaultImage = "rabbitmq:3.13-management";

    /// <summary>The management plugin's HTTP port inside the container.</summary>
    public const int ManagementPort = 15672;

    private readonly RabbitMqContainer _container;

    public RabbitMqBroker()
        : this(fixedHostPort: null)
    {
    }

    /// <summary>A broker publishing AMQP on a fixed loopback port, so a stopped and restarted broker is found where it was.</summary>
    public static RabbitMqBroker OnFixedPort(int port) => new(port);

    private RabbitMqBroker(int? fixedHostPort)
    {
        DockerEnvironment.ApplyDefaults();
        var builder = new RabbitMqBuilder(Environment.GetEnvironmentVariable("WORKFLOW_RABBITMQ_IMAGE") ?? DefaultImage);
        if (fixedHostPort is { } port)
        {
            builder = builder.WithPortBinding(port, RabbitMqBuilder.RabbitMqPort);
        }

        _container = builder
            .WithPortBinding(ManagementPort, assignRandomHostPort: true)
            .WithCreateParameterModifier(p =>
            {
                foreach (var binding in p.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
                {
                    binding.HostIP = "127.0.0.1";
                }
            })
            .Build();
    }

    /// <summary>An <c>amqp://</c> URI, as the services read it from ConnectionStrings:rabbitmq.</summary>
    public string ConnectionString => _container.GetConnectionString();

    public Task StartAsync() => _container.StartAsync();

    /// <summary>
    /// The broker at its container's own address, past Docker's port proxy (a process that copies
    /// every byte of every connection once more: 1.8 % of the machine's CPU in a benchmark run), where
    /// this host reaches the container's network (Docker on Linux); <see cref="ConnectionString"/> otherwise.
    /// </summary>
    public async Task<string> DirectConnectionStringAsync()
    {
        try
        {
            using var probe = new TcpClient();
            await probe.ConnectAsync(_container.IpAddress, RabbitMqBuilder.RabbitMqPort).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception e) when (e is SocketException or TimeoutException or ArgumentException)
        {
            return ConnectionString;
        }

        return new UriBuilder(ConnectionString) { Host = _container.IpAddress, Port = RabbitMqBuilder.RabbitMqPort }.Uri.ToString();
    }

    /// <summary>The management API (its counters), reached the way <paramref name="amqpConnectionString"/> (from <see cref="DirectConnectionStringAsync"/>) reaches AMQP.</summary>
    public Uri ManagementAddressFor(string amqpConnectionString) =>
        new Uri(amqpConnectionString).Host == _container.IpAddress
            ? new Uri($"http://{_container.IpAddress}:{ManagementPort}/")
            : new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(ManagementPort)}/");

    /// <summary>Each queue's name and type (classic or quorum), as rabbitmqctl lists them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync()
    {
        var result = await _container.ExecAsync(["rabbitmqctl", "list_queues", "name", "type", "--quiet", "--no-table-headers"]);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }

    public Task StopAsync() => _container.StopAsync();

    /// <summary>
    /// Raises RabbitMQ's memory alarm (a high watermark of 0): the broker stops reading from every
    /// connection that publishes, so publishes wait without failing, as on a broker out of memory.
    /// </summary>
    public Task BlockPublishersAsync() => RabbitMqCtlAsync("set_vm_memory_high_watermark", "0");

    /// <summary>Puts the memory watermark back to RabbitMQ's default (40 % of memory): blocked publishers carry on.</summary>
    public Task UnblockPublishersAsync() => RabbitMqCtlAsync("set_vm_memory_high_watermark", "0.4");

    private async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var result = await _container.ExecAsync(["rabbitmqctl", .. arguments]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {result.Stderr}");
        }
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        try
        {
            await _container.StartAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                "RabbitMQ could not be started with Testcontainers. Is a Docker engine running? scripts/test.sh installs " +
                "and starts one, and builds the image named by WORKFLOW_RABBITMQ_IMAGE.", e);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => _container.DisposeAsync().AsTask();
}

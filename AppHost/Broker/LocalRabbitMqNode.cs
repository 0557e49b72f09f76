using System.Net.Sockets;
using Workflow.AppHost.Services;

namespace Workflow.AppHost.Broker;

/// <summary>
/// A private RabbitMQ node from the machine's own <c>rabbitmq-server</c> (Debian package), with
/// every file it writes in a folder of its own, so it never touches a system broker.
/// </summary>
public static class LocalRabbitMqNode
{
    private const string Server = "/usr/sbin/rabbitmq-server";
    private const string User = "workflow";

    public static bool IsInstalled => File.Exists(Server);

    public static async Task<RunningBroker> StartAsync(string dataDirectory, int amqpPort, int managementPort, CancellationToken cancellationToken)
    {
        var home = Path.Combine(dataDirectory, "rabbitmq");
        Directory.CreateDirectory(home);
        await File.WriteAllTextAsync(Path.Combine(home, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{amqpPort}
            loopback_users = none
            default_user = {User}
            default_pass = {User}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(home, "enabled_plugins"), "[rabbitmq_management].", cancellationToken);
        if (Environment.UserName == "root")
        {
            // The wrapper switches to the rabbitmq user, which must own the node's folder.
            await Command.RunAsync("chown", ["-R", "rabbitmq:rabbitmq", home], TimeSpan.FromSeconds(30));
        }

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = $"workflow{amqpPort}@localhost",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(home, "feature_flags"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(home, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(home, "rabbitmq.pid"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(home, "rabbitmq.conf"),
            ["RABBITMQ_DIST_PORT"] = (amqpPort + 20000).ToString(),
            ["HOME"] = home,
        };
        var node = ServiceProcess.Start("rabbitmq", Server, [], environment, colour: 90);

        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await AcceptsConnectionsAsync(amqpPort, cancellationToken))
        {
            if (node.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The local RabbitMQ node did not start (see the [rabbitmq] lines above).");
            }

            await Task.Delay(500, cancellationToken);
        }

        return new RunningBroker(
            $"amqp://{User}:{User}@127.0.0.1:{amqpPort}/", $"http://127.0.0.1:{managementPort}", $"local rabbitmq-server node in {home}",
            async () =>
            {
                await StopNodeAsync(Path.Combine(home, "rabbitmq.pid"));
                await node.StopAsync(TimeSpan.FromSeconds(5));
                await Command.RunAsync("epmd", ["-kill"], TimeSpan.FromSeconds(10));
            });
    }

    /// <summary>
    /// The Erlang VM runs in a process group of its own, out of reach of a signal to the
    /// wrapper script: stop it by the PID it wrote, as a clean shutdown.
    /// </summary>
    private static async Task StopNodeAsync(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
        {
            return;
        }

        await Command.RunAsync("kill", ["-TERM", pid.ToString()], TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        if (Directory.Exists($"/proc/{pid}"))
        {
            await Command.RunAsync("kill", ["-KILL", pid.ToString()], TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

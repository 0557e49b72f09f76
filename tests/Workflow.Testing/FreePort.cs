using System.Net;
using System.Net.Sockets;

namespace Workflow.Testing;

/// <summary>
/// Loopback ports for servers a test starts, below the kernel's ephemeral range (32768+), so an
/// outgoing connection cannot take one between choosing it and binding it; and never the same
/// port twice in one test process, so two servers chosen before either binds cannot collide.
/// </summary>
public static class FreePort
{
    private static readonly HashSet<int> Given = [];

    /// <summary>The first of <paramref name="count"/> consecutive loopback ports nobody listens on right now.</summary>
    public static int Range(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 20000 + (Random.Shared.Next(0, 12000 / count) * count);
            lock (Given)
            {
                var ports = Enumerable.Range(first, count).ToList();
                if (!ports.Any(Given.Contains) && ports.All(IsFree))
                {
                    Given.UnionWith(ports);
                    return first;
                }
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports found between 20000 and 32000.");
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Next() => Range(1);

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

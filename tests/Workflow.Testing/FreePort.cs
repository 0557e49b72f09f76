using System.Net;
using System.Net.Sockets;

namespace Workflow.Testing;

public static class FreePort
{
    /// <summary>
    /// The first of <paramref name="count"/> consecutive loopback ports nobody listens on right now,
    /// below the kernel's ephemeral range (32768+) so outgoing connections do not take them meanwhile.
    /// </summary>
    public static int Range(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = 20000 + (Random.Shared.Next(0, 12000 / count) * count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports found between 20000 and 32000.");
    }

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

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

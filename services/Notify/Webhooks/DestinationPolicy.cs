using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Workflow.ServiceDefaults.Http;

namespace Workflow.Notify.Webhooks;

/// <summary>
/// Keeps webhooks from being turned against the inside of the network (SSRF). A URL is checked
/// when it is subscribed, and every connection is checked again on the addresses DNS gives at
/// that moment (so a name that later resolves to 169.254.169.254 is still refused).
/// </summary>
public sealed class DestinationPolicy(IOptionsMonitor<WebhookOptions> options)
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Why this URL can never be a webhook destination, or null when it may be.</summary>
    public string? ProblemWith(string url)
    {
        if (!OutboundUrl.TryParse(url, out var uri, out var problem))
        {
            return problem;
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && !Allows(address)
            ? $"{address} is in a network webhooks may not reach (Notify:Webhooks:AllowedNetworks can allow it)."
            : null;
    }

    public bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return options.CurrentValue.AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(address))
            || !Forbidden.Any(n => n.Contains(address));
    }

    /// <summary>The HTTP client's connect step: only to addresses the policy allows.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(Allows).ToArray();
        if (allowed.Length == 0)
        {
            throw new ForbiddenDestinationException(
                $"{host} resolves only to addresses webhooks may not reach ({string.Join(", ", addresses.Select(a => a.ToString()))}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed class ForbiddenDestinationException(string message) : Exception(message);

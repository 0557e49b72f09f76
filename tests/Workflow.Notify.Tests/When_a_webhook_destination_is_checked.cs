using System.Net;
using Microsoft.Extensions.Options;
using Workflow.Notify.Webhooks;

namespace Workflow.Notify.Tests;

public sealed class When_a_webhook_destination_is_checked
{
    private static DestinationPolicy Policy(params string[] allowed) => new(new Monitor(new WebhookOptions { AllowedNetworks = [.. allowed] }));

    [Theory]
    [InlineData("169.254.169.254")] // AWS, Azure, GCP instance metadata
    [InlineData("100.100.100.200")] // Alibaba Cloud metadata
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.1.10")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:169.254.169.254")] // the metadata address dressed as IPv6
    [InlineData("0.0.0.0")]
    public void Internal_and_metadata_addresses_are_refused_by_default(string address)
    {
        Assert.False(Policy().Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c")]
    public void Public_addresses_are_allowed(string address)
    {
        Assert.True(Policy().Allows(IPAddress.Parse(address)));
    }

    [Fact]
    public void An_explicitly_allowed_network_is_reachable_and_nothing_else_internal_is()
    {
        var policy = Policy("10.20.0.0/16");

        Assert.True(policy.Allows(IPAddress.Parse("10.20.3.4")));
        Assert.False(policy.Allows(IPAddress.Parse("10.21.3.4")));
    }

    [Theory]
    [InlineData("ftp://example.com/x", "http or https")]
    [InlineData("/relative", "http or https")]
    [InlineData("https://user:pass@example.com/hook", "credentials")]
    [InlineData("http://169.254.169.254/latest/meta-data", "may not reach")]
    [InlineData("http://[::1]:8080/hook", "may not reach")]
    public void A_url_that_can_never_be_a_destination_is_refused_at_subscription(string url, string problem)
    {
        Assert.Contains(problem, Policy().ProblemWith(url));
    }

    [Fact]
    public void A_host_name_is_checked_when_connecting_on_the_addresses_it_resolves_to()
    {
        // localhost passes the subscription check (a name), and is refused at connect time.
        Assert.Null(Policy().ProblemWith("https://localhost/hook"));
    }

    [Fact]
    public async Task Connecting_to_a_name_that_resolves_to_a_forbidden_address_fails_before_any_byte_is_sent()
    {
        using var client = new HttpClient(new SocketsHttpHandler { ConnectCallback = Policy().ConnectAsync });

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("http://localhost:9/hook"));

        Assert.IsType<ForbiddenDestinationException>(e.InnerException);
    }

    private sealed class Monitor(WebhookOptions value) : IOptionsMonitor<WebhookOptions>
    {
        public WebhookOptions CurrentValue => value;
        public WebhookOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<WebhookOptions, string?> listener) => null;
    }
}

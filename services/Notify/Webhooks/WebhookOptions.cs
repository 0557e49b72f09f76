namespace Workflow.Notify.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Notify:Webhooks";

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>) webhooks may reach although the policy forbids
    /// them by default: loopback, private, link-local (cloud metadata lives there), carrier-grade
    /// NAT, multicast and reserved ranges.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}

namespace Workflow.Notify.Deliveries;

/// <summary>How one attempt went.</summary>
/// <param name="Permanent">Trying again cannot help (the destination is forbidden, the subscription gone).</param>
public sealed record DeliveryResult(bool Succeeded, int? StatusCode, string? Error, TimeSpan? RetryAfter = null, bool Permanent = false)
{
    public static readonly DeliveryResult Ok = new(true, null, null);

    public static DeliveryResult Failed(string error, int? statusCode = null, TimeSpan? retryAfter = null) =>
        new(false, statusCode, error, retryAfter);

    public static DeliveryResult Refused(string error) => new(false, null, error, Permanent: true);
}

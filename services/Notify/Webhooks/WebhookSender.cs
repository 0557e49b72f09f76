using System.Net.Http.Headers;
using System.Text;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;

namespace Workflow.Notify.Webhooks;

/// <summary>One signed POST of one delivery (to a subscription or a callback URL). Retrying is the dispatcher's job (durable, in the database), not the HTTP client's.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "webhooks";

    /// <param name="url">The subscription's URL, or the document's callback URL.</param>
    /// <param name="secret">The subscription's secret, or the tenant's callback secret.</param>
    public async Task<DeliveryResult> SendAsync(Delivery delivery, string url, string secret, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var id = delivery.Id.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, delivery.Payload));

        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode
                ? DeliveryResult.Ok with { StatusCode = (int)response.StatusCode }
                : DeliveryResult.Failed($"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.", (int)response.StatusCode,
                    RetryAfter(response.Headers.RetryAfter));
        }
        catch (HttpRequestException e) when (e.InnerException is ForbiddenDestinationException forbidden)
        {
            return DeliveryResult.Refused(forbidden.Message);
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Failed(e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Failed($"No answer within {client.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
}

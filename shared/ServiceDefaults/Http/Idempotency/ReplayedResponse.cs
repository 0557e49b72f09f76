using Microsoft.AspNetCore.Http;

namespace Workflow.ServiceDefaults.Http.Idempotency;

/// <summary>The stored first response, as it was: status, Location and body, marked as a replay.</summary>
public sealed class ReplayedResponse(IdempotentResponse record) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.StatusCode;
        if (record.Location is not null)
        {
            response.Headers.Location = record.Location;
        }

        response.Headers[IdempotencyKey.ReplayedHeader] = "true";
        if (record.Body.Length == 0)
        {
            return Task.CompletedTask;
        }

        response.ContentType = record.ContentType ?? "application/json; charset=utf-8";
        return response.WriteAsync(record.Body, httpContext.RequestAborted);
    }
}

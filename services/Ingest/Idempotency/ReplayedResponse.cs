namespace Workflow.Ingest.Idempotency;

/// <summary>The stored first response, as it was: status, Location and body, marked as a replay.</summary>
public sealed class ReplayedResponse(IdempotencyRecord record) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.StatusCode;
        response.Headers.Location = record.Location;
        response.Headers[IdempotentRequest.ReplayedHeader] = "true";
        response.ContentType = "application/json; charset=utf-8";
        return response.WriteAsync(record.ResponseJson, httpContext.RequestAborted);
    }
}

using Workflow.ServiceDefaults.Http.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Workflow.ServiceDefaults.Messaging;

/// <summary>
/// <c>GET /admin/failed-messages</c> lists this service's failed messages with their reasons;
/// <c>POST /admin/failed-messages/redrive[?messageId=…]</c> sends them back to be processed.
/// Served on the service's own port, not through the public address; admin keys of the operator
/// tenant only, since failed messages may hold any tenant's events.
/// </summary>
public static class FailedMessagesApi
{
    public static IEndpointRouteBuilder MapFailedMessagesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin/failed-messages").RequireAuthorization(Auth.Policies.Operate);
        admin.MapGet("/", async (FailedMessageQueues queues, CancellationToken cancellationToken, int max = 100) =>
            TypedResults.Ok(await queues.ListAsync(Math.Clamp(max, 1, 1000), cancellationToken)));
        admin.MapPost("/redrive", async (FailedMessageQueues queues, CancellationToken cancellationToken, string? messageId = null) =>
            TypedResults.Ok(new { redriven = await queues.RedriveAsync(messageId, cancellationToken) })).WithIdempotency();
        return app;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Http;
using Workflow.ServiceDefaults.Http.Idempotency;

namespace Workflow.Notify.Apis;

/// <summary>
/// Document callbacks (the <c>callbackUrl</c> of an upload): the tenant's signing secret, the
/// log of calls made, and re-driving dead ones. Under <c>/v1/webhooks</c>, which notify owns.
/// </summary>
public static class CallbacksApi
{
    private const string Deliveries = "/v1/webhooks/callbacks/deliveries";

    public static RouteGroupBuilder MapCallbacksApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/webhooks/callbacks").RequireAuthorization(Policies.Administer);
        api.MapGet("/secret", SecretAsync).Produces<CallbackSecretView>();
        api.MapPost("/secret", RotateAsync).Produces<CallbackSecretView>().WithIdempotency();
        api.MapGet("/deliveries", DeliveriesAsync).Produces<Page<DeliveryView>>().ProducesValidationProblem();
        api.MapPost("/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync)
            .Produces<DeliveryView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).WithIdempotency();
        return api;
    }

    /// <summary>The secret the tenant's callbacks are signed with (made now if the tenant has had no callback yet).</summary>
    public static async Task<Ok<CallbackSecretView>> SecretAsync(ClaimsPrincipal user, CallbackSecrets secrets, CancellationToken cancellationToken) =>
        TypedResults.Ok(CallbackSecretView.From(await secrets.ReadAsync(user.TenantOf(), cancellationToken), secrets));

    /// <summary>A new secret: callback attempts from now on are signed with it.</summary>
    public static async Task<Ok<CallbackSecretView>> RotateAsync(ClaimsPrincipal user, CallbackSecrets secrets, CancellationToken cancellationToken) =>
        TypedResults.Ok(CallbackSecretView.From(await secrets.RotateAsync(user.TenantOf(), cancellationToken), secrets));

    /// <param name="documentId">Only the callbacks of this document.</param>
    public static Task<IResult> DeliveriesAsync(
        ClaimsPrincipal user, NotifyDbContext db, CancellationToken cancellationToken, Guid? documentId = null, string? status = null, int? limit = null,
        int? offset = null) =>
        DeliveryLog.ListAsync(OfTenant(db, user).Where(d => documentId == null || d.DocumentId == documentId), status, limit, offset, cancellationToken);

    public static async Task<IResult> RedeliverAsync(
        Guid deliveryId, ClaimsPrincipal user, NotifyDbContext db, DeliverySignal signal, IOptionsMonitor<DeliveryOptions> options, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await OfTenant(db, user).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken) is { } delivery
            ? await DeliveryLog.RedeliverAsync(delivery, db, signal, options.CurrentValue, clock, Deliveries, cancellationToken)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"No callback has the id {deliveryId}.");

    private static IQueryable<Delivery> OfTenant(NotifyDbContext db, ClaimsPrincipal user)
    {
        var tenant = user.TenantOf();
        return db.Deliveries.Where(d => d.TenantId == tenant && d.Channel == DeliveryChannels.Callback);
    }
}

/// <summary>The tenant's callback signing secret (<c>whsec_…</c>, verified like a webhook's) and when it was made.</summary>
public sealed record CallbackSecretView(string Secret, DateTimeOffset CreatedAt)
{
    public static CallbackSecretView From(CallbackSecret secret, CallbackSecrets secrets) => new(secrets.Reveal(secret), secret.CreatedAt);
}

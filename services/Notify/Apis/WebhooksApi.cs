using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Notify.Data;
using Workflow.Notify.Deliveries;
using Workflow.Notify.Webhooks;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Http;
using Workflow.ServiceDefaults.Http.Idempotency;

namespace Workflow.Notify.Apis;

/// <summary>Webhook subscriptions, their delivery log, and re-driving dead deliveries.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApiV1(this IEndpointRouteBuilder app)
    {
        // Admins of a tenant manage its subscriptions, which hear only about its documents.
        var api = app.MapGroup("/v1/webhooks").RequireAuthorization(Policies.Administer);
        api.MapPost("/", CreateAsync).DescribesBody<CreateWebhookRequest>("application/json")
            .Produces<CreatedWebhook>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithIdempotency();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync).Produces<WebhookView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:guid}", DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{id:guid}/deliveries", DeliveriesAsync)
            .Produces<Page<DeliveryView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", RedeliverAsync)
            .Produces<DeliveryView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).WithIdempotency();
        return api;
    }

    public static async Task<IResult> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, NotifyDbContext db, DestinationPolicy policy, SigningSecretProtection protection, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (body, invalid) = await JsonRequestBody.ReadAsync<CreateWebhookRequest>(request, "the subscription", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var problems = body!.Problems(policy);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The subscription is not valid");
        }

        var secret = body.Secret ?? WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = NewId.NextGuid(),
            TenantId = user.TenantOf(),
            Url = body.Url!,
            EventTypes = string.Join(',', body.EventTypes!.Distinct()),
            ProtectedSecret = protection.Protect(secret),
            Description = body.Description,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        var view = WebhookView.From(subscription);
        return TypedResults.Created($"/v1/webhooks/{subscription.Id}",
            new CreatedWebhook(view.Id, view.Url, view.EventTypes, view.Description, view.CreatedAt, secret));
    }

    public static async Task<Ok<List<WebhookView>>> ListAsync(ClaimsPrincipal user, NotifyDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.TenantOf();
        return TypedResults.Ok((await db.Subscriptions.AsNoTracking().Where(s => s.TenantId == tenant && s.DeletedAt == null)
            .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken)).Select(WebhookView.From).ToList());
    }

    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, NotifyDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, user, id, cancellationToken) is { } subscription ? TypedResults.Ok(WebhookView.From(subscription)) : NotFound(id);

    public static async Task<IResult> DeleteAsync(Guid id, ClaimsPrincipal user, NotifyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, user, id, cancellationToken) is not { } subscription)
        {
            return NotFound(id);
        }

        subscription.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="status"><c>pending</c>, <c>delivered</c> or <c>dead</c>; all when absent.</param>
    public static async Task<IResult> DeliveriesAsync(
        Guid id, ClaimsPrincipal user, NotifyDbContext db, CancellationToken cancellationToken, string? status = null, int? limit = null, int? offset = null)
    {
        return await OwnsAsync(db, user, id, cancellationToken)
            ? await DeliveryLog.ListAsync(db.Deliveries.Where(d => d.SubscriptionId == id), status, limit, offset, cancellationToken)
            : NotFound(id);
    }

    /// <summary>A dead delivery gets a new round of attempts, starting now.</summary>
    public static async Task<IResult> RedeliverAsync(
        Guid id, Guid deliveryId, ClaimsPrincipal user, NotifyDbContext db, DeliverySignal signal, IOptionsMonitor<DeliveryOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var delivery = await OwnsAsync(db, user, id, cancellationToken) ? await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken) : null;
        return delivery is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Delivery not found", detail: $"Subscription {id} has no delivery {deliveryId}.")
            : await DeliveryLog.RedeliverAsync(delivery, db, signal, options.CurrentValue, clock, $"/v1/webhooks/{id}/deliveries", cancellationToken);
    }

    /// <summary>Whether the subscription (deleted or not: its delivery log stays) is the caller's tenant's.</summary>
    private static Task<bool> OwnsAsync(NotifyDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var tenant = user.TenantOf();
        return db.Subscriptions.AsNoTracking().AnyAsync(s => s.Id == id && s.TenantId == tenant, cancellationToken);
    }

    private static Task<WebhookSubscription?> FindAsync(NotifyDbContext db, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var tenant = user.TenantOf();
        return db.Subscriptions.FirstOrDefaultAsync(s => s.Id == id && s.TenantId == tenant && s.DeletedAt == null, cancellationToken);
    }

    private static ProblemHttpResult NotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Webhook subscription not found", detail: $"No webhook subscription has the id {id}.");
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflow.Route.Data;
using Workflow.Route.StateMachines;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Http;
using Workflow.ServiceDefaults.Http.Idempotency;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.Route.Apis;

/// <summary>
/// People in the loop: the documents waiting for review, and their decisions. A decision is
/// committed with a <see cref="Workflow.Contracts.ReviewDecisionSubmitted"/> event in one
/// transaction; the routing state machine applies it, so the answer is 202 and the review's
/// address shows the outcome.
/// </summary>
public static class ReviewsApi
{
    private static readonly string[] Filters = [ReviewView.Pending, ReviewView.Escalated, ReviewView.Decided, "all"];

    public static RouteGroupBuilder MapReviewsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/reviews");
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadReviews)
            .Produces<Page<ReviewView>>().ProducesValidationProblem();
        api.MapGet("/{documentId:guid}", GetAsync).RequireAuthorization(Policies.ReadReviews)
            .Produces<ReviewView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{documentId:guid}/decision", DecideAsync).RequireAuthorization(Policies.Review)
            .DescribesBody<ReviewDecisionRequest>("application/json")
            .Produces<ReviewDecisionAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithIdempotency();
        return api;
    }

    /// <param name="status"><c>pending</c> (the default: everything waiting, escalated or not), <c>escalated</c>, <c>decided</c> or <c>all</c>.</param>
    public static async Task<IResult> ListAsync(
        ClaimsPrincipal user, RouteDbContext db, CancellationToken cancellationToken, string? status = null, int? limit = null, int? offset = null)
    {
        status ??= ReviewView.Pending;
        if (!Filters.Contains(status))
        {
            return Invalid("status", $"Must be one of: {string.Join(", ", Filters)}.");
        }

        var (paging, invalid) = Paging.Read(limit, offset);
        if (invalid is not null)
        {
            return invalid;
        }

        var waiting = DocumentRoutingStateMachine.WaitingForReview;
        var escalated = nameof(DocumentRoutingStateMachine.Escalated);
        var tenant = user.TenantOf();
        var reviews = db.Routings.AsNoTracking().Where(r => r.TenantId == tenant && r.ReviewReason != null);
        reviews = status switch
        {
            ReviewView.Pending => reviews.Where(r => waiting.Contains(r.CurrentState)).OrderBy(r => r.ReviewDeadline),
            ReviewView.Escalated => reviews.Where(r => r.CurrentState == escalated).OrderBy(r => r.ReviewDeadline),
            ReviewView.Decided => reviews.Where(r => !waiting.Contains(r.CurrentState)).OrderByDescending(r => r.ReviewRequestedAt),
            _ => reviews.OrderByDescending(r => r.ReviewRequestedAt),
        };
        var page = await reviews.Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(paging.Of(page.Select(ReviewView.From).ToList()));
    }

    public static async Task<IResult> GetAsync(Guid documentId, ClaimsPrincipal user, RouteDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.TenantOf();
        var state = await db.Routings.AsNoTracking().FirstOrDefaultAsync(r => r.CorrelationId == documentId && r.TenantId == tenant, cancellationToken);
        return state?.ReviewReason is null ? NotFound(documentId) : TypedResults.Ok(ReviewView.From(state));
    }

    public static async Task<IResult> DecideAsync(
        Guid documentId, HttpRequest request, ClaimsPrincipal user, RouteDbContext db, EventOutbox outbox, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, invalid) = await JsonRequestBody.ReadAsync<ReviewDecisionRequest>(request, "the decision", cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var problems = body!.Problems();
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, title: "The decision is not valid");
        }

        var tenant = user.TenantOf();
        var state = await db.Routings.FirstOrDefaultAsync(r => r.CorrelationId == documentId && r.TenantId == tenant, cancellationToken);
        if (state?.ReviewReason is null)
        {
            return NotFound(documentId);
        }

        if (!DocumentRoutingStateMachine.WaitingForReview.Contains(state.CurrentState) || state.DecisionSubmittedAt is not null)
        {
            return AlreadyDecided(documentId);
        }

        var now = clock.GetUtcNow();
        state.DecisionSubmittedAt = now;
        state.Version++;
        outbox.Publish(body.ToMessage(documentId, user.KeyIdOf()!, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another decision (or the deadline) changed this review between our read and our write.
            return AlreadyDecided(documentId);
        }

        var location = $"/v1/reviews/{documentId}";
        return TypedResults.Accepted(location, new ReviewDecisionAccepted(documentId, body.Decision!, location));
    }

    private static ProblemHttpResult NotFound(Guid documentId) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Review not found", detail: $"Document {documentId} is not waiting for review and never was.");

    private static ProblemHttpResult AlreadyDecided(Guid documentId) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
        title: "Review already decided", detail: $"A decision about document {documentId} has already been made; GET /v1/reviews/{documentId} shows it.");

    private static ValidationProblem Invalid(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] });
}

public sealed record ReviewDecisionAccepted(Guid DocumentId, string Decision, string ReviewUrl);

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;
using Workflow.Ingest.Idempotency;
using Workflow.Ingest.Timeline;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Http;
using Workflow.ServiceDefaults.Http.Idempotency;

namespace Workflow.Ingest.Apis;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/documents");
        api.MapPost("/", UploadAsync).DisableAntiforgery().RequireAuthorization(Policies.Submit)
            .DescribesBody<JsonUpload>("application/json").DescribesBody<UploadForm>("multipart/form-data")
            .Produces<DocumentAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .DescribesIdempotencyKey();
        api.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadDocuments)
            .Produces<Page<DocumentView>>().ProducesValidationProblem();
        api.MapGet("/{documentId:guid}", GetAsync).RequireAuthorization(Policies.ReadDocuments)
            .Produces<DocumentView>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/{documentId:guid}/timeline", TimelineAsync).RequireAuthorization(Policies.ReadDocuments)
            .Produces<DocumentTimeline>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// Accepts a document. With an <c>Idempotency-Key</c>, a repeat of the same request within the
    /// window gets the first response again (marked <c>Idempotent-Replayed: true</c>), never a
    /// second document; the same key with a different request is refused with 422.
    /// </summary>
    public static async Task<IResult> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, DocumentIntake intake, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var (key, keyProblem) = IdempotencyKey.Of(request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var (upload, problem) = await UploadRequestReader.ReadAsync(request, limits.Value);
        if (problem is not null)
        {
            return problem;
        }

        var tenant = user.TenantOf();
        var idempotency = key is null ? null : IdempotentRequest.For(key, upload!);
        if (idempotency is not null && await intake.PreviousAsync(tenant, idempotency.Key, cancellationToken) is { } previous)
        {
            return IdempotencyKey.Replay(previous, idempotency.Key, idempotency.RequestHash);
        }

        var accepted = await intake.AcceptAsync(tenant, upload!, idempotency, cancellationToken);
        if (accepted is null)
        {
            var winner = await intake.PreviousAsync(tenant, idempotency!.Key, cancellationToken);
            return IdempotencyKey.Replay(winner!, idempotency.Key, idempotency.RequestHash);
        }

        return TypedResults.Accepted(accepted.StatusUrl, accepted);
    }

    /// <summary>
    /// A document's status. Cheap to poll: the <c>ETag</c> changes only when the document does, so
    /// <c>If-None-Match</c> gets 304 without a body; while the document is on its way,
    /// <c>Retry-After</c> says when asking again is worth it.
    /// </summary>
    public static async Task<IResult> GetAsync(Guid documentId, HttpContext http, IngestDbContext db, CancellationToken cancellationToken)
    {
        // Another tenant's document is as absent as one that never was.
        var tenant = http.User.TenantOf();
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.CorrelationId == documentId && d.TenantId == tenant, cancellationToken);
        if (document is null)
        {
            return NotFound(documentId);
        }

        var etag = new EntityTagHeaderValue($"\"{document.Version}\"");
        http.Response.Headers.ETag = etag.ToString();
        if (DocumentView.PollAgainAfter(document.Status) is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        var known = http.Request.GetTypedHeaders().IfNoneMatch;
        return known.Any(k => k.Compare(etag, useStrongComparison: false) || k.Equals(EntityTagHeaderValue.Any))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(DocumentView.From(document));
    }

    /// <summary>
    /// Everything that happened to a document, in order: its upload, what extraction found, how it
    /// was classified (provider, model, confidence, explanation, cost), the rule and rules version
    /// that routed it, the review and who decided, its notifications; each with its trace id.
    /// </summary>
    public static async Task<IResult> TimelineAsync(Guid documentId, ClaimsPrincipal user, IngestDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.TenantOf();
        if (!await db.Documents.AsNoTracking().AnyAsync(d => d.CorrelationId == documentId && d.TenantId == tenant, cancellationToken))
        {
            return NotFound(documentId);
        }

        var entries = await db.Timeline.AsNoTracking().Where(t => t.DocumentId == documentId)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DocumentTimeline(documentId, entries.Select(TimelineView.From).ToList()));
    }

    /// <summary>The documents, newest first, filtered by status, category and when they were received.</summary>
    /// <param name="status">A status name (<c>Received</c>, … <c>Completed</c>, <c>Failed</c>, <c>Rejected</c>).</param>
    /// <param name="createdFrom">Received at or after this instant (ISO 8601).</param>
    /// <param name="createdTo">Received before this instant (ISO 8601).</param>
    public static async Task<IResult> ListAsync(
        ClaimsPrincipal user, IngestDbContext db, CancellationToken cancellationToken, string? status = null, string? category = null,
        DateTimeOffset? createdFrom = null, DateTimeOffset? createdTo = null, int? limit = null, int? offset = null)
    {
        var (paging, invalid) = Paging.Read(limit, offset);
        if (invalid is not null)
        {
            return invalid;
        }

        if (status is not null && (!Enum.TryParse<DocumentStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _)))
        {
            return Paging.Invalid("status", $"One of: {string.Join(", ", Enum.GetNames<DocumentStatus>())}.");
        }

        var tenant = user.TenantOf();
        var documents = db.Documents.AsNoTracking().Where(d => d.TenantId == tenant);
        if (status is not null)
        {
            var state = Enum.Parse<DocumentStatus>(status, ignoreCase: true).ToString();
            documents = documents.Where(d => d.CurrentState == state);
        }

        if (category is not null)
        {
            documents = documents.Where(d => d.Category == category);
        }

        if (createdFrom is { } from)
        {
            documents = documents.Where(d => d.CreatedAt >= from);
        }

        if (createdTo is { } to)
        {
            documents = documents.Where(d => d.CreatedAt < to);
        }

        var page = await documents.OrderByDescending(d => d.CreatedAt).Skip(paging.Offset).Take(paging.Limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(paging.Of(page.Select(DocumentView.From).ToList()));
    }

    /// <summary>Unknown, and another tenant's: the same answer, so nothing leaks about other tenants.</summary>
    private static ProblemHttpResult NotFound(Guid documentId) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Document not found", detail: $"No document has the id {documentId}.");
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workflow.Ingest.Data;
using Workflow.Ingest.Documents;

namespace Workflow.Ingest.Apis;

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/documents");
        api.MapPost("/", UploadAsync).DisableAntiforgery();
        api.MapGet("/{documentId:guid}", GetAsync);
        return api;
    }

    public static async Task<IResult> UploadAsync(
        HttpRequest request, DocumentIntake intake, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        var (upload, problem) = await UploadRequestReader.ReadAsync(request, limits.Value);
        if (problem is not null)
        {
            return problem;
        }

        var document = await intake.AcceptAsync(upload!, cancellationToken);
        var statusUrl = $"/v1/documents/{document.Id}";
        return TypedResults.Accepted(statusUrl, new DocumentAccepted(document.Id, document.Status.ToString(), statusUrl));
    }

    public static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> GetAsync(
        Guid documentId, IngestDbContext db, CancellationToken cancellationToken)
    {
        var document = await db.Documents.FindAsync([documentId], cancellationToken);
        return document is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found",
                detail: $"No document has the id {documentId}.")
            : TypedResults.Ok(DocumentView.From(document));
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Workflow.ServiceDefaults.Http;

/// <summary>Reads a JSON request body, or gives the problem to answer instead.</summary>
public static class JsonRequestBody
{
    /// <param name="what">What the body is, for the message (e.g. "the decision").</param>
    /// <returns>The body, or an RFC 9457 problem: 415 for another content type, 400 for malformed JSON or a body that is not an object.</returns>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type",
                detail: $"Send {what} as application/json."));
        }

        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken) is { } body
                ? (body, null)
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No body",
                    detail: $"Send {what} as a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON", detail: e.Message));
        }
    }
}

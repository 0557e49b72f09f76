using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Workflow.ServiceDefaults.Messaging;

namespace Workflow.Ingest.Apis;

/// <summary>
/// Reads an upload from <c>multipart/form-data</c> (part <c>file</c>) or <c>application/json</c>
/// (<c>contentBase64</c>), or says precisely what is wrong with the request.
/// </summary>
public static class UploadRequestReader
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<(UploadRequest? Upload, IResult? Problem)> ReadAsync(HttpRequest request, UploadLimits limits)
    {
        // Base64 is a third larger than the bytes it carries; leave room for the JSON around it.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = (limits.MaxDocumentBytes * 4 / 3) + (64 * 1024);
        }

        try
        {
            if (request.HasFormContentType)
            {
                return await ReadMultipartAsync(request, limits);
            }

            if (request.HasJsonContentType())
            {
                return await ReadJsonAsync(request, limits);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limits));
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A multipart body without a boundary, with broken parts, or with too many of them.
            return (null, Invalid("body", $"The multipart body could not be read: {e.Message}"));
        }

        return (null, TypedResults.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported content type",
            detail: "Send the document as multipart/form-data (part 'file') or as application/json with 'contentBase64'."));
    }

    private static async Task<(UploadRequest?, IResult?)> ReadMultipartAsync(HttpRequest request, UploadLimits limits)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return (null, Invalid("file", file is null ? "The multipart part 'file' is required." : "The file is empty."));
        }

        if (file.Length > limits.MaxDocumentBytes)
        {
            return (null, TooLarge(limits));
        }

        var callbackUrl = Optional(form["callbackUrl"]);
        if (callbackUrl is not null && CallbackUrl.ProblemWith(callbackUrl) is { } callbackProblem)
        {
            return (null, Invalid("callbackUrl", callbackProblem));
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, request.HttpContext.RequestAborted);
        var fileName = Path.GetFileName(file.FileName);
        return (new UploadRequest(
            string.IsNullOrWhiteSpace(fileName) ? "document" : fileName,
            ContentTypeOf(file.ContentType, fileName),
            content.ToArray(),
            Optional(form["source"]),
            Optional(form["externalRef"]),
            callbackUrl), null);
    }

    private static async Task<(UploadRequest?, IResult?)> ReadJsonAsync(HttpRequest request, UploadLimits limits)
    {
        JsonUpload? body;
        try
        {
            body = await request.ReadFromJsonAsync<JsonUpload>(request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, Invalid("body", $"The body is not valid JSON: {e.Message}"));
        }

        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.FileName))
        {
            errors["fileName"] = ["fileName is required."];
        }

        byte[]? content = null;
        if (string.IsNullOrEmpty(body?.ContentBase64))
        {
            errors["contentBase64"] = ["contentBase64 is required and must not be empty."];
        }
        else
        {
            var buffer = new byte[body.ContentBase64.Length * 3 / 4];
            if (Convert.TryFromBase64String(body.ContentBase64, buffer, out var written))
            {
                content = buffer[..written];
            }
            else
            {
                errors["contentBase64"] = ["contentBase64 is not valid base64."];
            }
        }

        if (Optional(body?.CallbackUrl) is { } callback && CallbackUrl.ProblemWith(callback) is { } callbackProblem)
        {
            errors["callbackUrl"] = [callbackProblem];
        }

        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors, title: "The upload is not valid"));
        }

        if (content!.Length > limits.MaxDocumentBytes)
        {
            return (null, TooLarge(limits));
        }

        var fileName = Path.GetFileName(body!.FileName!);
        return (new UploadRequest(fileName, ContentTypeOf(body.ContentType, fileName), content, Optional(body.Source), Optional(body.ExternalRef),
            Optional(body.CallbackUrl)), null);
    }

    private static string ContentTypeOf(string? declared, string fileName) =>
        !string.IsNullOrWhiteSpace(declared) && declared != "application/octet-stream"
            ? declared
            : ContentTypes.TryGetContentType(fileName, out var guessed) ? guessed : "application/octet-stream";

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The upload is not valid");

    private static ProblemHttpResult TooLarge(UploadLimits limits) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Document too large",
        detail: $"The largest document accepted is {limits.MaxDocumentBytes} bytes.");
}

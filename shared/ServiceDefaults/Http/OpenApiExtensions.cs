using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;
using Workflow.ServiceDefaults.Auth;

namespace Workflow.ServiceDefaults.Http;

/// <summary>
/// Each service describes its own endpoints in an OpenAPI 3.1 document at <c>/openapi/v1.json</c>
/// (the public address serves all five merged). What every endpoint shares is added here, once:
/// the API key schemes, and the 401, 403 and 429 problems and rate-limit headers of every
/// endpoint that needs a key.
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentName = "v1";
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";
    private const string ProblemJson = "application/problem+json";

    public static IHostApplicationBuilder AddWorkflowOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Workflow API",
                    Version = DocumentName,
                    Description = "AI document workflow automation: upload documents, follow them, review the unsure ones, subscribe to webhooks.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [ApiKeyScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.HeaderName,
                        Description = "An API key (wf_…): one tenant, some of the roles submitter, reviewer, auditor, admin.",
                    },
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The same API key as a bearer token.",
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    return Task.CompletedTask;
                }

                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                ];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", Problem("No API key, or one that is unknown or revoked."));
                operation.Responses.TryAdd("403", Problem("The key's roles do not allow this."));
                var tooMany = Problem("Over the key's rate limit; Retry-After says when to try again.");
                tooMany.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait.") };
                operation.Responses.TryAdd("429", tooMany);
                foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    response.Headers.TryAdd("X-RateLimit-Limit", Header("Requests the key may make per window."));
                    response.Headers.TryAdd("X-RateLimit-Remaining", Header("Requests left in this window."));
                    response.Headers.TryAdd("X-RateLimit-Reset", Header("Seconds until the window starts again."));
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>
    /// Describes the request body without declaring it to routing (<c>Accepts</c> would answer a
    /// wrong content type with 415 before the caller's key is even checked); the handler checks
    /// the content type itself and answers 415 as a problem.
    /// </summary>
    public static RouteHandlerBuilder DescribesBody<T>(this RouteHandlerBuilder endpoint, params string[] contentTypes) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
            body.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var type in contentTypes)
            {
                body.Content[type] = new OpenApiMediaType { Schema = schema };
            }

            operation.RequestBody = body;
        });

    public static WebApplication MapWorkflowOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "RFC 9457 problem details." } },
        },
    };

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } };
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Workflow.ServiceDefaults.Auth;
using Workflow.ServiceDefaults.Messaging.Durable;

namespace Workflow.ServiceDefaults.Http.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> for any endpoint: the first request with a key claims it (a row in the
/// service's database), runs, and its response (status, Location, body) is recorded; a repeat
/// within the window gets that response again, marked <c>Idempotent-Replayed: true</c>; the same
/// key for another request gets 422; a repeat while the first still runs gets 409 with
/// Retry-After. A 5xx or an exception releases the key, so the client may try again.
/// The response is recorded just after the endpoint's own commit: a crash between the two leaves a
/// claim that lapses after <see cref="ClaimLease"/>, and the request may then run again. (Uploads
/// record their response in the document's own commit instead: see ingest's DocumentIntake.)
/// </summary>
public static class IdempotentEndpoints
{
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(InvokeAsync).DescribesIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The header in the endpoint's OpenAPI description.</summary>
    public static RouteHandlerBuilder DescribesIdempotencyKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.Header, In = ParameterLocation.Header, Required = false,
                Description = "Repeating the request with the same key within 24 h answers the first response again (Idempotent-Replayed: true); "
                    + "the same key for another request is 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
            });
            return Task.CompletedTask;
        });

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (key, problem) = IdempotencyKey.Of(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (key is null)
        {
            return await next(context);
        }

        var services = http.RequestServices;
        var tenant = http.User.TenantOf();
        var hash = await FingerprintAsync(http.Request);
        var cancellationToken = http.RequestAborted;
        var (claimed, previous) = await ClaimAsync(services, tenant, key, hash, cancellationToken);
        if (!claimed)
        {
            return previous!.CompletedAt is not null || previous.RequestHash != hash
                ? IdempotencyKey.Replay(previous, key, hash)
                : InProgress(http, key);
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var result = await next(context);
            if (result is IResult answer)
            {
                await answer.ExecuteAsync(http);
            }
            else if (result is not null)
            {
                await TypedResults.Ok(result).ExecuteAsync(http);
            }
        }
        catch
        {
            http.Response.Body = original;
            await ReleaseAsync(services, tenant, key);
            throw;
        }

        http.Response.Body = original;
        var response = http.Response;
        if (response.StatusCode >= 500)
        {
            await ReleaseAsync(services, tenant, key);
        }
        else
        {
            await RecordAsync(services, tenant, key, response, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), cancellationToken);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, cancellationToken);
        return Results.Empty;
    }

    /// <summary>What the request asks for: method, path, query, content type and body.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString} {request.ContentType}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Claims the key, or gives the row that holds it (a finished response, or another request still running).</summary>
    private static async Task<(bool Claimed, IdempotentResponse? Previous)> ClaimAsync(
        IServiceProvider services, string tenant, string key, string hash, CancellationToken cancellationToken)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var window = IdempotencyKey.WindowOf(services.GetRequiredService<IConfiguration>());
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var existing = await db.IdempotentResponses.AsNoTracking().FirstOrDefaultAsync(r => r.TenantId == tenant && r.Key == key, cancellationToken);
            var lapsed = existing is not null
                && (existing.CreatedAt < now - window || (existing.CompletedAt is null && existing.CreatedAt < now - ClaimLease));
            if (existing is not null && !lapsed)
            {
                return (false, existing);
            }

            if (lapsed)
            {
                // Only the row as read: a concurrent request that took it over first keeps it.
                await db.IdempotentResponses.Where(r => r.TenantId == tenant && r.Key == key && r.CreatedAt == existing!.CreatedAt)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            db.IdempotentResponses.Add(new IdempotentResponse { TenantId = tenant, Key = key, RequestHash = hash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (true, null);
            }
            catch (DbUpdateException)
            {
                // A concurrent request with the same key claimed it first: read what it holds.
                db.ChangeTracker.Clear();
            }
        }

        throw new InvalidOperationException($"The idempotency key could not be claimed.");
    }

    private static async Task RecordAsync(IServiceProvider services, string tenant, string key, HttpResponse response, string body, CancellationToken cancellationToken)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDbContext>();
        var row = await db.IdempotentResponses.FirstAsync(r => r.TenantId == tenant && r.Key == key, cancellationToken);
        row.StatusCode = response.StatusCode;
        row.Location = response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        row.ContentType = response.ContentType;
        row.Body = body;
        row.CompletedAt = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task ReleaseAsync(IServiceProvider services, string tenant, string key)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ServiceDbContext>().IdempotentResponses
            .Where(r => r.TenantId == tenant && r.Key == key && r.CompletedAt == null).ExecuteDeleteAsync(CancellationToken.None);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult InProgress(HttpContext http, string key)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.IdempotencyKeyInProgress,
            title: "A request with this Idempotency-Key is still running",
            detail: $"The first request with the key '{key}' has not finished; repeat this one in a moment to get its response.");
    }
}

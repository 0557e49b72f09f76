using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Workflow.ServiceDefaults.Http;

/// <summary>
/// A request ASP.NET Core could not bind (a query value that is not a number, a malformed body)
/// is the caller's mistake: a 400 problem naming what was wrong, never a 500. (In Development the
/// framework throws these rather than answering them itself.)
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request is not valid", Detail = bad.Message, Type = ProblemTypes.InvalidRequest },
        });
    }
}

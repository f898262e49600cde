using FlexPay.Admin.Hosting;
using FlexPay.Core;
using FlexPay.Core.Recovery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Api;

/// <summary>
/// The one place that turns what escapes a REST endpoint into an RFC 7807 problem document, never a page: a domain
/// rule refused is 409, an Idempotency-Key reused for a different request 422, a missing thing 404, a change that lost a race with another writer 409, anything else 500,
/// which outside Development says nothing about the code (its trace id finds the logged exception).
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problems, IHostEnvironment environment, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ErrorPages.IsForMachines(httpContext))
        {
            return false;
        }
        var problem = exception switch
        {
            NotFoundException missing => Problem(StatusCodes.Status404NotFound, $"No such {missing.Kind}", missing.Message),
            IdempotencyConflictException reused => Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key already used for another request", reused.Message),
            DomainRuleException refused => Problem(StatusCodes.Status409Conflict, "Not allowed now", refused.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Changed at the same moment",
                "Another request changed the same record while this one was handled; nothing was saved. Read it again and retry."),
            BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read", bad.Message),
            // The caller hung up: nobody reads the answer, and it is no error of ours to log.
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                Problem(StatusCodes.Status499ClientClosedRequest, "The request was abandoned", "The caller closed the connection."),
            _ => Unexpected(httpContext, exception),
        };
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            return true;
        }
        // The writers decline a caller whose Accept names no JSON (text/html, say); it still gets the problem, never the HTML error page.
        await httpContext.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    private ProblemDetails Unexpected(HttpContext httpContext, Exception exception)
    {
        LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        return Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side",
            environment.IsDevelopment() ? exception.ToString() : "The error has been logged; quote the trace id when you report it.");
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "Unexpected error answering {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}

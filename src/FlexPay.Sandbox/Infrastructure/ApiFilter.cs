using FlexPay.Sandbox.Companies;
using FlexPay.Sandbox.Faults;
using FlexPay.Sandbox.Inspection;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>
/// What every <c>/v1/</c> request goes through once its body is read (<see cref="RequestBodyLimitFilter"/>): logging, the fault roll, authentication, and the mapping of
/// unreadable bodies to HTTP 400. Faults come first because they stand for the network and the server
/// infrastructure, which fail whatever the request holds.
/// </summary>
internal sealed class ApiFilter(RequestLog log, FaultState faults, CompanyDirectory companies, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var entry = new LogEntry
        {
            ReceivedAt = time.GetUtcNow(),
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
        };
        http.SetLogEntry(entry);
        log.Add(entry);

        var fault = faults.Roll();
        entry.Fault = fault;
        if (fault == FaultState.ServerError)
        {
            return Finish(entry, SandboxJson.Error(StatusCodes.Status500InternalServerError, "Internal server error (injected fault)."));
        }
        if (fault == FaultState.Timeout)
        {
            await DelayAsync(http);
        }

        var company = companies.Resolve(http.Request.Headers.Authorization.ToString());
        if (company is null)
        {
            return Finish(entry, SandboxJson.Error(StatusCodes.Status401Unauthorized, "Authorization has been denied for this request."));
        }
        http.SetCompany(company);

        object? result;
        try
        {
            result = await next(context);
        }
        catch (BadRequestException e)
        {
            result = SandboxJson.Error(StatusCodes.Status400BadRequest, e.Message);
        }
        Finish(entry, result);

        if (fault == FaultState.Drop)
        {
            // Processed and recorded, but the client never hears back.
            http.Abort();
            return Results.Empty;
        }
        return result;
    }

    /// <summary>
    /// A slow server: the request waits <c>TimeoutDelay</c> on the injected clock, then is processed. When the
    /// client gives up first the wait ends there, but the work is still done, as a real server would finish a
    /// charge its caller no longer waits for (the body is already in memory, see <see cref="RequestBodyLimitFilter"/>).
    /// </summary>
    private async Task DelayAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(faults.Current.TimeoutDelay, time, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller left; the slow server carries on.
        }
    }

    private static object? Finish(LogEntry entry, object? result)
    {
        entry.HttpStatus = result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
        return result;
    }
}

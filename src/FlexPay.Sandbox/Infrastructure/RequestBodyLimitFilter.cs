using Microsoft.Extensions.Options;

namespace FlexPay.Sandbox.Infrastructure;

/// <summary>
/// Caps every request body at <c>MaxRequestBodyBytes</c> (413 problem answer above it), as the console caps
/// its own API, so one huge request cannot balloon the emulator's memory. The body is read into memory here,
/// once and before anything else: the timeout fault can then still process a request whose client has left.
/// </summary>
internal sealed class RequestBodyLimitFilter(IOptions<SandboxOptions> options) : IEndpointFilter
{
    private const int ChunkSize = 8192;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var max = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > max)
        {
            return TooLarge(max);
        }

        var buffer = new MemoryStream();
        http.Response.RegisterForDispose(buffer);
        var chunk = new byte[ChunkSize];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                // Counted as it arrives: a chunked body announces no length.
                if (buffer.Length + read > max)
                {
                    return TooLarge(max);
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            return Results.Problem(statusCode: e.StatusCode, title: "Unreadable request body", detail: e.Message);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The body never fully arrived: there is nothing to process and no one to answer.
            return Results.Empty;
        }
        buffer.Position = 0;
        http.Request.Body = buffer;
        return await next(context);
    }

    /// <summary>A problem document that also carries FlexPay's <c>message</c>, so either kind of client can show it.</summary>
    private static IResult TooLarge(long max)
    {
        var text = $"The request body must be at most {max} bytes.";
        return Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request too large",
            detail: text,
            extensions: new Dictionary<string, object?> { ["message"] = text });
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FlexPay.Admin.Audit;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api;

/// <summary>
/// The billing system authenticates with <c>X-Api-Key</c>. An unknown key gets 401 and is logged by its fingerprint
/// (never the key) with the client's address, which after <see cref="IntakeApiOptions.RefusedKeysPerMinute"/> refusals
/// gets 429 with <c>Retry-After</c>. A known key lacking the endpoint's <see cref="RequiredScope"/> gets 403.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<IntakeApiOptions> options, RefusedKeyThrottle throttle, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out var retryAfter))
        {
            return TooManyRefusals(http, retryAfter);
        }
        var presented = http.Request.Headers[HeaderName].ToString();
        if (Find(presented) is not { } key)
        {
            ApiLog.KeyRefused(logger, presented.Length == 0 ? "no key" : IntakeApiKey.Fingerprint(presented), address, http.Request.Path.Value ?? "");
            return throttle.CountRefusal(address, out retryAfter)
                ? TooManyRefusals(http, retryAfter)
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown API key",
                    detail: $"Send a valid key in the {HeaderName} header.");
        }
        var required = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (required is null || !key.Allows(required))
        {
            var scope = required?.Scope ?? "(the endpoint declares none)";
            ApiLog.ScopeMissing(logger, key.Name, scope, http.Request.Path.Value ?? "");
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This key may not do that",
                detail: $"The key '{key.Name}' does not hold the scope {scope}.");
        }
        RequestActor.MarkApiCaller(http, $"'{key.Name}'");
        return await next(context);
    }

    /// <summary>Compares with every key, so the time taken does not tell which one came close.</summary>
    private IntakeApiKey? Find(string presented)
    {
        IntakeApiKey? match = null;
        foreach (var key in options.Value.ApiKeys)
        {
            if (FixedTimeEquals(key.Key, presented) && presented.Length > 0)
            {
                match = key;
            }
        }
        return match;
    }

    private static IResult TooManyRefusals(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many refused API keys",
            detail: "This address sent too many unknown API keys; wait for Retry-After seconds.");
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}

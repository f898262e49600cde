using System.Security.Cryptography;
using System.Text;
using FlexPay.Admin.Audit;
using Microsoft.Extensions.Options;

namespace FlexPay.Admin.Api;

/// <summary>The billing system authenticates with <c>X-Api-Key</c>; anything else gets 401.</summary>
internal sealed class ApiKeyFilter(IOptions<IntakeApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (presented.Length == 0 || !options.Value.ApiKeys.Any(key => FixedTimeEquals(key, presented)))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unknown API key",
                detail: $"Send a valid key in the {HeaderName} header.");
        }
        RequestActor.MarkApiCaller(context.HttpContext, "****" + presented[^Math.Min(4, presented.Length)..]);
        return await next(context);
    }

    private static bool FixedTimeEquals(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}

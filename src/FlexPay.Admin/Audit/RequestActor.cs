using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace FlexPay.Admin.Audit;

/// <summary>
/// Who acts in this scope: the billing system (an intake API request names its key), the signed-in
/// person (an HTTP request or a Blazor circuit), else the system itself (Hangfire jobs). Unlike
/// <see cref="ConsoleActor"/> it checks no policy and must answer in any scope; it names people as that does.
/// </summary>
internal sealed class RequestActor(IHttpContextAccessor http, IServiceProvider services) : ICurrentActor
{
    private const string ApiCallerKey = "FlexPay.ApiCaller";

    /// <summary>Marks an intake API request as made by the holder of the key ending in <paramref name="keyHint"/>.</summary>
    public static void MarkApiCaller(HttpContext context, string keyHint) =>
        context.Items[ApiCallerKey] = $"billing system (API key {keyHint})";

    public async ValueTask<string> GetNameAsync()
    {
        if (http.HttpContext is { } context)
        {
            if (context.Items.TryGetValue(ApiCallerKey, out var caller) && caller is string apiCaller)
            {
                return apiCaller;
            }
            if (ConsoleActor.SignedInName(context.User) is { } name)
            {
                return name;
            }
        }
        return await CircuitUserAsync() ?? SystemActor.Name;
    }

    private async Task<string?> CircuitUserAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } authentication)
        {
            return null;
        }
        try
        {
            return ConsoleActor.SignedInName((await authentication.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit or a page request (a background job), no one is signed in.
            return null;
        }
    }
}

using System.Security.Cryptography;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// The headers every response carries. The Content-Security-Policy is what Blazor Server and MudBlazor work with:
/// scripts only from this site (and the page's one inline script, Blazor's import map, by a nonce made for each
/// response), the circuit's WebSocket to this site, and inline styles (MudBlazor's theme and components set them;
/// scripts stay blocked, which is what stops injected markup from running).
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "FlexPay.ScriptNonce";

    /// <summary>The nonce of this response's own inline script; <c>App.razor</c> puts it on the import map.</summary>
    public static string? ScriptNonce(HttpContext? context) => context?.Items[NonceKey] as string;

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        // dotnet watch reloads the page through a WebSocket of its own on another local port.
        var connect = app.Environment.IsDevelopment() ? "'self' ws://localhost:* wss://localhost:*" : "'self'";
        app.Use((context, next) =>
        {
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + $"connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }
}

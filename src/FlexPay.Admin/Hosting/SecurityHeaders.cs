namespace FlexPay.Admin.Hosting;

/// <summary>
/// The headers every response carries. The Content-Security-Policy is what Blazor Server and MudBlazor work with:
/// scripts only from this site, the circuit's WebSocket to this site, and inline styles (MudBlazor's theme and
/// components set them; scripts stay blocked, which is what stops injected markup from running).
/// </summary>
internal static class SecurityHeaders
{
    public static readonly string ContentSecurityPolicy = Policy(connectSources: "'self'");

    /// <summary><c>dotnet watch</c> reloads the page through a WebSocket of its own on another local port.</summary>
    private static readonly string DevelopmentContentSecurityPolicy = Policy(connectSources: "'self' ws://localhost:* wss://localhost:*");

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var policy = app.Environment.IsDevelopment() ? DevelopmentContentSecurityPolicy : ContentSecurityPolicy;
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }

    private static string Policy(string connectSources) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + $"connect-src {connectSources}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

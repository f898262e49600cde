using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace FlexPay.Admin.Hosting;

/// <summary>
/// HTTP as a payments console needs it. The console usually sits behind a TLS-terminating proxy: the proxies named
/// in <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c> (loopback always) tell it the client's address and
/// scheme. Outside Development every request is redirected to HTTPS and answered with HSTS, and cookies are sent over
/// HTTPS only. Everywhere, cookies are HttpOnly and SameSite=Strict, and every response carries the security headers
/// of <see cref="SecurityHeaders"/>.
/// </summary>
internal static class HttpHardening
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>ASP.NET Core's own name for it (<c>ASPNETCORE_HTTPS_PORT</c>); unset, HTTPS is on 443.</summary>
    private const string HttpsPortSetting = "HTTPS_PORT";

    public static IHostApplicationBuilder AddHttpHardening(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var proxies = builder.Configuration.GetSection(SectionName);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        if (!development)
        {
            builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
            // Behind a proxy Kestrel listens on HTTP only and knows no HTTPS port; without one the redirect would not happen.
            builder.Services.AddHttpsRedirection(https => https.HttpsPort = builder.Configuration.GetValue<int?>(HttpsPortSetting) ?? 443);
        }
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.PostConfigureAll<CookieAuthenticationOptions>(cookies => Harden(cookies.Cookie, secure));
        builder.Services.Configure<AntiforgeryOptions>(antiforgery => Harden(antiforgery.Cookie, secure));
        return builder;
    }

    public static WebApplication UseHttpHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            // Health probes come from the load balancer to each node's own plain-HTTP port, past the TLS-terminating proxy.
            app.UseWhen(context => !IsOwnCallToEmbeddedSandbox(context) && !context.Request.Path.StartsWithSegments("/health"),
                https => https.UseHttpsRedirection());
        }
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>The console's FlexPay client reaching the sandbox on this very host, over loopback and plain HTTP.</summary>
    private static bool IsOwnCallToEmbeddedSandbox(HttpContext context) =>
        context.Request.Path.StartsWithSegments(FlexPayConnection.SandboxPrefix)
        && context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    private static void Harden(CookieBuilder cookie, CookieSecurePolicy secure)
    {
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = secure;
    }
}

using System.Net;

namespace FlexPay.Testing;

/// <summary>
/// What a TLS-terminating proxy in front of the console does, for a client that talks plain HTTP to 127.0.0.1: it
/// tells the console the request came over HTTPS (<c>X-Forwarded-Proto</c>, honoured from loopback), and keeps the
/// cookies as a browser on <c>https://</c> would, <c>Secure</c> ones included.
/// </summary>
public sealed class BehindTlsProxy(bool keepCookies) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private readonly CookieContainer _cookies = new();

    /// <summary>The cookies as the browser holds them, by name.</summary>
    public CookieCollection Cookies(Uri site) => _cookies.GetCookies(AsHttps(site));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        var site = AsHttps(request.RequestUri!);
        if (keepCookies && _cookies.GetCookieHeader(site) is { Length: > 0 } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (keepCookies && response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var header in set)
            {
                _cookies.SetCookies(site, header);
            }
        }
        return response;
    }

    private static Uri AsHttps(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps }.Uri;
}

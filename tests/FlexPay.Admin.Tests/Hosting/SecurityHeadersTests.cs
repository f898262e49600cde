using System.Net;
using FlexPay.Admin.Tests.Identity;

namespace FlexPay.Admin.Tests.Hosting;

/// <summary>
/// Outside Development, as behind the usual TLS-terminating proxy: HTTPS only, HSTS, cookies that never travel
/// in clear or to another site and that scripts cannot read, and the browser told what the pages may load.
/// </summary>
public sealed class SecurityHeadersTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private const string PublicHost = "console.example.com";

    [Fact]
    public async Task A_page_carries_the_content_security_policy_and_the_other_security_headers()
    {
        using var browser = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = PublicHost;

        using var page = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        // The page's one inline script, Blazor's import map, carries this response's nonce.
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(page, "Referrer-Policy"));
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
        Assert.StartsWith("max-age=31536000", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_did_not_come_over_https_is_redirected_there()
    {
        using var plain = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.ClientOptions.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = PublicHost;

        using var response = await plain.SendAsync(request);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/Account/Login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Every_cookie_is_secure_http_only_and_strictly_same_site()
    {
        var email = await app.CreateUserAsync(Admin.Identity.Roles.Viewer);
        using var browser = app.CreateBrowser();

        using var form = await browser.GetAsync("/Account/Login");
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        string[] cookies = [.. SetCookies(form), .. SetCookies(signedIn)];

        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("FlexPay.Console=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task The_openapi_document_needs_an_api_key_outside_development()
    {
        using var anonymous = app.CreateApiClient(key: "");
        using var withKey = app.CreateApiClient();

        using var refused = await anonymous.GetAsync("/openapi/v1.json");
        using var document = await withKey.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Contains("/api/v1/recoveries", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"No {name} header.");

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}

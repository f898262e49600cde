using System.Net;
using FlexPay.Admin.Identity;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>Who may open what: checked by the server for each request, whatever the navigation shows.</summary>
public sealed class AccessTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData(Roles.Viewer, "/users")]
    [InlineData(Roles.Viewer, "/hangfire")]
    [InlineData(Roles.Viewer, "/settings")]
    [InlineData(Roles.Viewer, "/audit")]
    [InlineData(Roles.Finance, "/users")]
    [InlineData(Roles.Finance, "/hangfire")]
    [InlineData(Roles.Finance, "/certification")]
    public async Task A_user_without_the_role_gets_403_and_a_page_saying_so(string role, string path)
    {
        using var browser = await app.SignedInAsync(role);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        if (path != "/hangfire")
        {
            Assert.Contains("You don&#x27;t have access to this page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Viewer, "/")]
    [InlineData(Roles.Viewer, "/recoveries")]
    [InlineData(Roles.Viewer, "/gateways")]
    [InlineData(Roles.Finance, "/refunds")]
    [InlineData(Roles.Admin, "/audit")]
    [InlineData(Roles.Finance, "/audit")]
    [InlineData(Roles.Admin, "/users")]
    [InlineData(Roles.Admin, "/settings")]
    [InlineData(Roles.Admin, "/certification")]
    [InlineData(Roles.Admin, "/hangfire")]
    public async Task A_user_with_the_role_opens_the_page(string role, string path)
    {
        using var browser = await app.SignedInAsync(role);

        using var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_sends_an_anonymous_visitor_to_sign_in()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intake_api_answers_401_without_a_key_never_a_redirect_to_sign_in()
    {
        using var anonymous = app.CreateBrowser();
        using var viewer = await app.SignedInAsync(Roles.Viewer);

        using var withoutCookie = await anonymous.GetAsync("/api/v1/recoveries");
        using var withCookieOnly = await viewer.GetAsync("/api/v1/recoveries");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
        Assert.Null(withoutCookie.Headers.Location);
        Assert.Equal("application/problem+json", withoutCookie.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withCookieOnly.StatusCode);
    }

    [Fact]
    public async Task The_intake_api_still_serves_the_billing_system_with_its_key()
    {
        using var client = app.CreateBrowser();
        client.DefaultRequestHeaders.Add("X-Api-Key", ConsoleAppFactory.IntakeKey);

        using var response = await client.GetAsync("/api/v1/recoveries");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_embedded_sandbox_needs_no_cookie()
    {
        using var anonymous = app.CreateBrowser();

        using var response = await anonymous.GetAsync("/sandbox/_log");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_and_static_assets_need_no_cookie()
    {
        using var anonymous = app.CreateBrowser();

        using var login = await anonymous.GetAsync(IdentityRegistration.LoginPath);
        using var css = await anonymous.GetAsync("/app.css");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var browser = await app.SignedInAsync(Roles.Viewer);

        using var response = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

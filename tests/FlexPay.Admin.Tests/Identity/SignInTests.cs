using System.Net;
using FlexPay.Admin.Identity;

namespace FlexPay.Admin.Tests.Identity;

public sealed class SignInTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/users")]
    [InlineData("/recoveries")]
    [InlineData("/settings")]
    public async Task An_anonymous_visitor_of_a_page_is_sent_to_sign_in(string page)
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{IdentityRegistration.LoginPath}?ReturnUrl={Uri.EscapeDataString(page)}", ConsoleAppFactory.RedirectTarget(response));
    }

    [Fact]
    public async Task The_development_administrator_signs_in_and_lands_where_they_were_going()
    {
        using var browser = app.CreateBrowser();

        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, ConsoleAppFactory.AdminEmail, ConsoleAppFactory.AdminPassword, "/users");
        using var users = await browser.GetAsync("/users");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/users", ConsoleAppFactory.RedirectTarget(signedIn));
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains(ConsoleAppFactory.AdminEmail, await users.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var browser = app.CreateBrowser();

        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, ConsoleAppFactory.AdminEmail, ConsoleAppFactory.AdminPassword, "//evil.example/phish");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", ConsoleAppFactory.RedirectTarget(signedIn));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_a_cookie()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = app.CreateBrowser();

        using var refused = await ConsoleAppFactory.SignInAsync(browser, email, "Not-The-Password-1!");
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The email or the password is not right.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var browser = await app.SignedInAsync(Roles.Viewer);
        var token = await ConsoleAppFactory.AntiforgeryTokenAsync(browser);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        using var signedOut = await browser.PostAsync(IdentityRegistration.LogoutPath, form);
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(signedOut));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused()
    {
        using var browser = await app.SignedInAsync(Roles.Viewer);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());

        using var forged = await browser.PostAsync(IdentityRegistration.LogoutPath, form);
        using var home = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}

using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;
using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// A signed-in user changes their own password on /Account/Password, posted as a browser does. The cookie's
/// security stamp is checked on every request here (instead of once a minute), so a session the change ends
/// is seen to end at once.
/// </summary>
public sealed class PasswordChangeTests(PasswordChangeTests.App app) : IClassFixture<PasswordChangeTests.App>
{
    private const string NewPassword = "Battery-Staple-2027?";

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_the_password_stays_as_it_was()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = await SignedInAsync(email);

        using var refused = await ChangeAsync(browser, "Not-The-Password-1!", NewPassword, NewPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("The current password is not right.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, page, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, ConsoleAppFactory.UserPassword));
        Assert.False(await SignsInAsync(email, NewPassword));
        var entry = Assert.Single(await AuditAsync(email));
        Assert.Equal(AuditOutcome.Refused, entry.Outcome);
        Assert.Equal("wrong current password", entry.Detail);
    }

    [Fact]
    public async Task A_new_password_that_differs_from_its_confirmation_is_refused()
    {
        var email = await app.CreateUserAsync(Roles.Finance);
        using var browser = await SignedInAsync(email);

        using var refused = await ChangeAsync(browser, ConsoleAppFactory.UserPassword, NewPassword, NewPassword + "x");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The new password and its confirmation differ.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, ConsoleAppFactory.UserPassword));
        Assert.False(await SignsInAsync(email, NewPassword));
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_is_refused_with_the_reasons()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var browser = await SignedInAsync(email);

        using var refused = await ChangeAsync(browser, ConsoleAppFactory.UserPassword, "short", "short");

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"at least {SignInRules.MinPasswordLength} characters", page, StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, ConsoleAppFactory.UserPassword));
    }

    [Fact]
    public async Task After_a_change_the_new_password_signs_in_the_old_one_does_not_and_only_this_browser_stays_signed_in()
    {
        var email = await app.CreateUserAsync(Roles.Admin);
        using var browser = await SignedInAsync(email);
        using var elsewhere = await SignedInAsync(email);

        using var changed = await ChangeAsync(browser, ConsoleAppFactory.UserPassword, NewPassword, NewPassword);
        using var here = await browser.GetAsync("/");
        using var there = await elsewhere.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Your password is changed.", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, here.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, there.StatusCode);
        Assert.StartsWith(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(there), StringComparison.Ordinal);
        Assert.True(await SignsInAsync(email, NewPassword));
        Assert.False(await SignsInAsync(email, ConsoleAppFactory.UserPassword));
        var entry = Assert.Single(await AuditAsync(email));
        Assert.Equal((email, AuditOutcome.Succeeded), (entry.Actor, entry.Outcome));
        Assert.DoesNotContain(NewPassword, entry.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var browser = app.CreateBrowser();

        using var response = await browser.GetAsync(IdentityRegistration.ChangePasswordPath);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(response), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var browser = app.CreateBrowser();
        using var response = await ConsoleAppFactory.SignInAsync(browser, email, password);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    /// <summary>Posts the change-password form as a browser does (anti-forgery token and all).</summary>
    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next, string confirm)
    {
        var form = await browser.GetStringAsync(IdentityRegistration.ChangePasswordPath);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = ConsoleAppFactory.AntiforgeryToken(form),
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm,
        });
        return await browser.PostAsync(IdentityRegistration.ChangePasswordPath, body);
    }

    private async Task<List<AuditEntry>> AuditAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        var target = $"user {email}";
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == "password.change" && e.Target == target).ToListAsync();
    }

    /// <summary>The sign-in test console, with the cookie's security stamp checked on every request.</summary>
    public sealed class App : ConsoleAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }
}

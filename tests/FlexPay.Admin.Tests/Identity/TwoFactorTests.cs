using System.Globalization;
using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Core.Audit;
using FlexPay.Core.Persistence;
using FlexPay.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// Two-factor sign-in with an authenticator app. Finance is required to use it here (<c>Security:RequireTwoFactorFor</c>),
/// as it is by default outside Development; Viewers may choose.
/// </summary>
public sealed class TwoFactorTests(TwoFactorTests.FinanceRequiresTwoFactor app) : IClassFixture<TwoFactorTests.FinanceRequiresTwoFactor>
{
    public sealed class FinanceRequiresTwoFactor : ConsoleAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:RequireTwoFactorFor", Roles.Finance);
        }
    }

    [Fact]
    public async Task A_user_whose_role_requires_it_is_sent_to_the_set_up_and_reaches_nothing_else_until_done()
    {
        var email = await app.CreateUserAsync(Roles.Finance);
        using var browser = app.CreateBrowser();

        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword, "/refunds");
        using var refunds = await browser.GetAsync("/refunds");
        using var recoveries = await browser.GetAsync("/recoveries");
        var (_, answer) = await TwoFactorForms.SetUpAsync(browser);
        using var afterwards = await browser.GetAsync("/refunds");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, refunds.StatusCode);
        Assert.Equal(IdentityRegistration.TwoFactorPath, ConsoleAppFactory.RedirectTarget(refunds));
        Assert.Equal(IdentityRegistration.TwoFactorPath, ConsoleAppFactory.RedirectTarget(recoveries));
        Assert.Equal(10, TwoFactorForms.RecoveryCodes(answer).Count);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task Once_set_up_a_sign_in_needs_the_current_code_and_a_recovery_code_works_once()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        string key;
        IReadOnlyList<string> codes;
        using (var first = app.CreateBrowser())
        {
            using var signedIn = await ConsoleAppFactory.SignInAsync(first, email, ConsoleAppFactory.UserPassword);
            (key, var answer) = await TwoFactorForms.SetUpAsync(first);
            codes = TwoFactorForms.RecoveryCodes(answer);
        }

        using var browser = app.CreateBrowser();
        using var password = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword, "/gateways");
        var secondStep = ConsoleAppFactory.RedirectTarget(password);
        using var beforeCode = await browser.GetAsync("/gateways");
        var code = AuthenticatorApp.Code(key, DateTimeOffset.UtcNow);
        using var wrong = await TwoFactorForms.SecondFactorAsync(browser, secondStep, ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
        using var right = await TwoFactorForms.SecondFactorAsync(browser, secondStep, AuthenticatorApp.Code(key, DateTimeOffset.UtcNow));
        using var gateways = await browser.GetAsync("/gateways");

        Assert.StartsWith(IdentityRegistration.SecondFactorPath, secondStep, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.StartsWith(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(beforeCode), StringComparison.Ordinal);
        Assert.Contains("The code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/gateways", ConsoleAppFactory.RedirectTarget(right));
        Assert.Equal(HttpStatusCode.OK, gateways.StatusCode);

        using var another = app.CreateBrowser();
        using var again = await ConsoleAppFactory.SignInAsync(another, email, ConsoleAppFactory.UserPassword);
        var recoveryStep = ConsoleAppFactory.RedirectTarget(again) + "&RecoveryCode=true";
        using var recovered = await TwoFactorForms.SecondFactorAsync(another, recoveryStep, codes[0]);
        using var third = app.CreateBrowser();
        using var thirdPassword = await ConsoleAppFactory.SignInAsync(third, email, ConsoleAppFactory.UserPassword);
        using var reused = await TwoFactorForms.SecondFactorAsync(third, ConsoleAppFactory.RedirectTarget(thirdPassword) + "&RecoveryCode=true", codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Contains("That recovery code is not right, or was used already.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        var audited = await db.AuditEntries.Where(e => e.Actor == email).Select(e => new { e.Action, e.Outcome, e.Detail }).ToListAsync();
        Assert.Contains(audited, e => e.Action == "two-factor.enable" && e.Outcome == AuditOutcome.Succeeded);
        Assert.Contains(audited, e => e.Action == "sign-in" && e.Outcome == AuditOutcome.Succeeded && e.Detail == "with an authenticator code");
        Assert.Contains(audited, e => e.Action == "sign-in" && e.Outcome == AuditOutcome.Refused && e.Detail == "wrong authenticator code");
        Assert.Contains(audited, e => e.Action == "sign-in" && e.Outcome == AuditOutcome.Succeeded && e.Detail != null && e.Detail.StartsWith("with a recovery code (9 left)", StringComparison.Ordinal));
    }
}

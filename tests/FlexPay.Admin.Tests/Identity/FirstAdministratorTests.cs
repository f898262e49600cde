using System.Net;
using FlexPay.Admin.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// Production starts with no account at all; <c>create-admin</c> makes the first one, who (as every Admin and Finance
/// user outside Development) sets up two-factor sign-in before anything else opens.
/// </summary>
public sealed class FirstAdministratorTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task Production_has_no_default_account_even_with_bootstrap_settings()
    {
        using var browser = app.CreateBrowser();

        using var refused = await ConsoleAppFactory.SignInAsync(browser, ConsoleAppFactory.AdminEmail, ConsoleAppFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The email or the password is not right.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>().FindByEmailAsync(ConsoleAppFactory.AdminEmail));
    }

    [Fact]
    public async Task Create_admin_makes_an_administrator_who_sets_up_two_factor_sign_in_then_manages_users()
    {
        var email = $"owner-{Guid.NewGuid():N}@flexpay.test";
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(app.Services, email, "Owner-Password-2026!", output, CancellationToken.None);
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, "Owner-Password-2026!", "/users");
        using var beforeSetUp = await browser.GetAsync("/users");
        var (_, setUp) = await TwoFactorForms.SetUpAsync(browser);
        using var users = await browser.GetAsync("/users");

        Assert.Equal(0, exitCode);
        Assert.Contains("is an administrator", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(IdentityRegistration.TwoFactorPath, ConsoleAppFactory.RedirectTarget(beforeSetUp));
        Assert.Equal(10, TwoFactorForms.RecoveryCodes(setUp).Count);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }

    [Theory]
    [InlineData("weak")]
    [InlineData("")]
    public async Task Create_admin_refuses_a_weak_or_missing_password(string password)
    {
        var email = $"weak-{Guid.NewGuid():N}@flexpay.test";
        using var output = new StringWriter();

        var exitCode = await CreateAdminCommand.RunAsync(app.Services, email, password, output, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("not", output.ToString(), StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Create_admin_leaves_an_existing_account_alone()
    {
        var email = $"twice-{Guid.NewGuid():N}@flexpay.test";
        using var first = new StringWriter();
        using var second = new StringWriter();

        Assert.Equal(0, await CreateAdminCommand.RunAsync(app.Services, email, "Owner-Password-2026!", first, CancellationToken.None));
        var exitCode = await CreateAdminCommand.RunAsync(app.Services, email, "Other-Password-2026!", second, CancellationToken.None);
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, "Owner-Password-2026!");

        Assert.Equal(1, exitCode);
        Assert.Contains("already has an account", second.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }
}

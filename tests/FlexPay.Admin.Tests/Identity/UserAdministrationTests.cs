using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>The Users screen's service, called as the signed-in user it runs for: it checks the role itself.</summary>
public sealed class UserAdministrationTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Finance)]
    public async Task Only_an_administrator_may_create_users_even_when_calling_the_service_directly(string role)
    {
        await using var session = await SessionAsAsync(await app.CreateUserAsync(role));
        var email = $"sneaky-{Guid.NewGuid():N}@flexpay.test";

        var result = await session.Users.CreateAsync(new NewUser { Email = email, Password = ConsoleAppFactory.UserPassword, Role = Roles.Admin });

        Assert.False(result.Succeeded);
        Assert.Null(await session.UserManager.FindByEmailAsync(email));
        Assert.Empty((await session.Users.ListAsync(new UserQuery(0, 50))).Rows);
    }

    [Fact]
    public async Task An_administrator_creates_a_user_who_can_then_sign_in_with_that_role()
    {
        await using var session = await SessionAsAsync(await app.CreateUserAsync(Roles.Admin));
        var email = $"new-finance-{Guid.NewGuid():N}@flexpay.test";

        var result = await session.Users.CreateAsync(new NewUser { Email = email, Password = ConsoleAppFactory.UserPassword, Role = Roles.Finance });
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        using var refunds = await browser.GetAsync("/refunds");
        using var users = await browser.GetAsync("/users");

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refunds.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task The_service_refuses_what_the_form_would_refuse()
    {
        await using var session = await SessionAsAsync(await app.CreateUserAsync(Roles.Admin));

        var weak = await session.Users.CreateAsync(new NewUser { Email = $"weak-{Guid.NewGuid():N}@flexpay.test", Password = "short", Role = Roles.Viewer });
        var duplicate = await session.Users.CreateAsync(new NewUser { Email = ConsoleAppFactory.AdminEmail, Password = ConsoleAppFactory.UserPassword, Role = Roles.Viewer });

        Assert.False(weak.Succeeded);
        Assert.Contains("12 characters", weak.Message, StringComparison.Ordinal);
        Assert.False(duplicate.Succeeded);
        Assert.Contains("already has an account", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_until_enabled_again()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        await using var session = await SessionAsAsync(await app.CreateUserAsync(Roles.Admin));
        var id = (await session.UserManager.FindByEmailAsync(email))!.Id;
        using var browser = app.CreateBrowser();

        var disabled = await session.Users.DisableAsync(id);
        using var refused = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        var listed = (await session.Users.ListAsync(new UserQuery(0, 10, Search: email))).Rows.Single();
        var enabled = await session.Users.EnableAsync(id);
        using var admitted = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);

        Assert.True(disabled.Succeeded, disabled.Message);
        Assert.Contains("This account is disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(UserStatus.Disabled, listed.Status);
        Assert.True(enabled.Succeeded, enabled.Message);
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
    }

    [Fact]
    public async Task Changing_a_role_changes_what_the_user_may_open_and_ends_their_old_sessions()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        await using var session = await SessionAsAsync(await app.CreateUserAsync(Roles.Admin));
        var user = (await session.UserManager.FindByEmailAsync(email))!;
        var stampBefore = user.SecurityStamp;

        var changed = await session.Users.ChangeRoleAsync(user.Id, Roles.Admin);
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        using var users = await browser.GetAsync("/users");
        await using var check = await SessionAsAsync(email);

        Assert.True(changed.Succeeded, changed.Message);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var after = (await check.UserManager.FindByEmailAsync(email))!;
        Assert.Equal([Roles.Admin], await check.UserManager.GetRolesAsync(after));
        Assert.NotEqual(stampBefore, after.SecurityStamp);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_or_demote_themselves()
    {
        var email = await app.CreateUserAsync(Roles.Admin);
        await using var session = await SessionAsAsync(email);
        var me = (await session.UserManager.FindByEmailAsync(email))!;

        var disabled = await session.Users.DisableAsync(me.Id);
        var demoted = await session.Users.ChangeRoleAsync(me.Id, Roles.Viewer);

        Assert.False(disabled.Succeeded);
        Assert.False(demoted.Succeeded);
        Assert.Equal([Roles.Admin], await session.UserManager.GetRolesAsync(me));
        Assert.False(me.IsDisabled);
    }

    [Fact]
    public async Task The_list_searches_by_email_and_sorts_by_role()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using var setup = await SessionAsAsync(await app.CreateUserAsync(Roles.Admin));
        foreach (var role in Roles.All)
        {
            var created = await setup.Users.CreateAsync(new NewUser { Email = $"{role}.{tag}@flexpay.test", Password = ConsoleAppFactory.UserPassword, Role = role });
            Assert.True(created.Succeeded, created.Message);
        }

        var byRole = await setup.Users.ListAsync(new UserQuery(0, 10, Search: tag.ToUpperInvariant(), SortBy: nameof(UserRow.Role), Descending: true));
        var firstPage = await setup.Users.ListAsync(new UserQuery(0, 2, Search: tag));

        Assert.Equal([Roles.Viewer, Roles.Finance, Roles.Admin], byRole.Rows.Select(r => r.Role));
        Assert.All(byRole.Rows, r => Assert.Equal(UserStatus.Active, r.Status));
        Assert.Equal(3, firstPage.Total);
        Assert.Equal(2, firstPage.Rows.Count);
    }

    /// <summary>A DI scope standing in for a Blazor circuit signed in as <paramref name="email"/>.</summary>
    private async Task<Session> SessionAsAsync(string email)
    {
        var scope = await app.CircuitAsync(email);
        var services = scope.ServiceProvider;
        return new Session(scope, services.GetRequiredService<UserAdministration>(), services.GetRequiredService<UserManager<AdminUser>>());
    }

    private sealed record Session(AsyncServiceScope Scope, UserAdministration Users, UserManager<AdminUser> UserManager) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}

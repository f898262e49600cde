using System.Net;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>A sign-in is a session kept on the server (decision 009): what ends it ends every copy of its cookie.</summary>
public sealed class SessionTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_anything_afterwards()
    {
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, await app.CreateUserAsync(Roles.Admin), ConsoleAppFactory.UserPassword);
        using var thief = app.CreateBrowser();
        thief.DefaultRequestHeaders.Add("Cookie", SessionCookie(signedIn));
        using var beforeSignOut = await thief.GetAsync("/users");

        var token = await ConsoleAppFactory.AntiforgeryTokenAsync(browser);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var signedOut = await browser.PostAsync(IdentityRegistration.LogoutPath, form);
        using var replayed = await thief.GetAsync("/users");

        Assert.Equal(HttpStatusCode.OK, beforeSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith(IdentityRegistration.LoginPath, ConsoleAppFactory.RedirectTarget(replayed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_keeps_only_a_hash_of_the_session_id()
    {
        using var browser = app.CreateBrowser();
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, await app.CreateUserAsync(Roles.Viewer), ConsoleAppFactory.UserPassword);
        var cookie = SessionCookie(signedIn);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AdminIdentityDbContext>>().CreateDbContextAsync();

        var stored = await db.Sessions.Select(s => s.Id).ToListAsync();

        Assert.NotEmpty(stored);
        Assert.All(stored, id => Assert.Matches("^[0-9a-f]{64}$", id));
        Assert.All(stored, id => Assert.DoesNotContain(id, cookie, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_ends_after_the_idle_timeout_unless_used_and_after_its_lifetime_however_used()
    {
        var rules = new ConsoleSecurityOptions { IdleTimeout = TimeSpan.FromMinutes(30), SessionLifetime = TimeSpan.FromHours(12) };
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sessions = new ConsoleSessions(app.Services.GetRequiredService<IDbContextFactory<AdminIdentityDbContext>>(), Options.Create(rules), clock);
        var userId = await UserIdAsync(await app.CreateUserAsync(Roles.Viewer));

        var idle = await sessions.StartAsync(userId);
        var busy = await sessions.StartAsync(userId);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await sessions.IsAliveAsync(busy));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await sessions.IsAliveAsync(idle));
        Assert.True(await sessions.IsAliveAsync(busy));

        // In use every 20 minutes, from an open page (its last click), up to the end of its lifetime.
        while (clock.GetUtcNow() < DateTimeOffset.Parse("2026-12-01T19:50:00Z", System.Globalization.CultureInfo.InvariantCulture))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await sessions.IsAliveAsync(busy, usedAt: clock.GetUtcNow() - TimeSpan.FromMinutes(1)));
        }
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.False(await sessions.IsAliveAsync(busy));
    }

    /// <summary>The sign-in cookie as a Cookie header, as someone who copied it would send it.</summary>
    private static string SessionCookie(HttpResponseMessage signedIn) =>
        string.Join("; ", signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("FlexPay.Console", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>().FindByEmailAsync(email))!.Id;
    }
}

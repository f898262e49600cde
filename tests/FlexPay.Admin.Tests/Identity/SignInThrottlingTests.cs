using System.Net;
using System.Text.RegularExpressions;
using FlexPay.Admin.Identity;
using FlexPay.Admin.Identity.SignIn;
using FlexPay.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// The sign-in tells no one which accounts exist, lets no one lock another person out, and cannot be hammered: wrong
/// passwords lock out one address for one email, and every address may post the forms only so often.
/// </summary>
public sealed partial class SignInThrottlingTests(SignInThrottlingTests.CountingConsole app) : IClassFixture<SignInThrottlingTests.CountingConsole>
{
    /// <summary>Counts the password checks; at most <see cref="FormPostsPerMinute"/> form posts per address and minute.</summary>
    public sealed class CountingConsole : ConsoleAppFactory
    {
        public const int FormPostsPerMinute = 12;

        public static CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:FormPostsPerMinute", FormPostsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AdminUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<AdminUser>
    {
        private readonly PasswordHasher<AdminUser> _real = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(AdminUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task An_unknown_email_gets_the_answer_of_a_wrong_password_after_the_same_work()
    {
        var known = await app.CreateUserAsync(Roles.Admin);
        var unknown = $"nobody-{Guid.NewGuid():N}@flexpay.test";

        var (knownAnswer, knownChecks) = await SignInCountingAsync(known, "203.0.113.1");
        var (unknownAnswer, unknownChecks) = await SignInCountingAsync(unknown, "203.0.113.2");

        Assert.Equal(ConsoleSignIn.WrongEmailOrPassword, knownAnswer);
        Assert.Equal(knownAnswer, unknownAnswer);
        Assert.Equal(1, knownChecks);
        Assert.Equal(knownChecks, unknownChecks);
    }

    [Fact]
    public async Task Wrong_passwords_lock_out_that_address_for_that_email_but_not_its_owner_elsewhere()
    {
        var email = await app.CreateUserAsync(Roles.Admin);
        var unknown = $"nobody-{Guid.NewGuid():N}@flexpay.test";
        using var attacker = app.CreateBrowser("203.0.113.66");

        var answers = new List<string>();
        for (var attempt = 1; attempt <= SignInRules.MaxFailedSignIns; attempt++)
        {
            answers.Add(await ErrorAsync(await ConsoleAppFactory.SignInAsync(attacker, email, $"Wrong-Password-{attempt}!")));
            answers.Add(await ErrorAsync(await ConsoleAppFactory.SignInAsync(attacker, unknown, $"Wrong-Password-{attempt}!")));
        }
        using var rightFromThere = await ConsoleAppFactory.SignInAsync(attacker, email, ConsoleAppFactory.UserPassword);
        using var owner = app.CreateBrowser("198.51.100.7");
        using var rightFromElsewhere = await ConsoleAppFactory.SignInAsync(owner, email, ConsoleAppFactory.UserPassword);

        Assert.All(answers[..^2], answer => Assert.Equal(ConsoleSignIn.WrongEmailOrPassword, answer));
        Assert.All(answers[^2..], answer => Assert.Equal(ConsoleSignIn.TooManyFailures, answer));
        Assert.Equal(ConsoleSignIn.TooManyFailures, await ErrorAsync(rightFromThere));
        Assert.Equal(HttpStatusCode.Redirect, rightFromElsewhere.StatusCode);
    }

    [Fact]
    public async Task Past_the_limit_an_address_gets_429_with_retry_after_and_nothing_more_is_checked_or_audited()
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        using var flooder = app.CreateBrowser("203.0.113.99");
        for (var post = 1; post <= CountingConsole.FormPostsPerMinute; post++)
        {
            using var answered = await ConsoleAppFactory.SignInAsync(flooder, $"flood-{post}@flexpay.test", "Wrong-Password-1!");
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        var checks = CountingConsole.Hasher.Checks;
        var audited = await AuditCountAsync();

        using var throttled = await ConsoleAppFactory.SignInAsync(flooder, email, ConsoleAppFactory.UserPassword);
        using var other = app.CreateBrowser("198.51.100.8");
        using var elsewhere = await ConsoleAppFactory.SignInAsync(other, email, ConsoleAppFactory.UserPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(checks, CountingConsole.Hasher.Checks - 1);
        Assert.Equal(audited + 1, await AuditCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Theory]
    [InlineData(IdentityRegistration.ChangePasswordPath, "change-password", "Input.CurrentPassword", "192.0.2.11", "192.0.2.12")]
    [InlineData(IdentityRegistration.SecondFactorPath, "second-factor", "Input.Code", "192.0.2.21", "192.0.2.22")]
    [InlineData(IdentityRegistration.TwoFactorPath, "enable-two-factor", "Input.Code", "192.0.2.31", "192.0.2.32")]
    public async Task The_password_and_two_factor_forms_count_against_the_same_limit_per_address(string path, string form, string field, string address, string elsewhere)
    {
        using var guesser = await SignedInFromAsync(address);
        for (var post = 2; post <= CountingConsole.FormPostsPerMinute; post++)
        {
            using var guessed = await GuessAsync(guesser, path, form, field, post);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, guessed.StatusCode);
        }

        using var throttled = await GuessAsync(guesser, path, form, field, 0);
        using var other = await SignedInFromAsync(elsewhere);
        using var fromElsewhere = await GuessAsync(other, path, form, field, 0);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, fromElsewhere.StatusCode);
    }

    /// <summary>A browser at <paramref name="address"/>, signed in as a new Viewer: that sign-in is the address's first form post.</summary>
    private async Task<HttpClient> SignedInFromAsync(string address)
    {
        var email = await app.CreateUserAsync(Roles.Viewer);
        var browser = app.CreateBrowser(address);
        using var signedIn = await ConsoleAppFactory.SignInAsync(browser, email, ConsoleAppFactory.UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Posts a wrong password or code to <paramref name="path"/>'s form, as a browser does (anti-forgery token and all).</summary>
    private static async Task<HttpResponseMessage> GuessAsync(HttpClient browser, string path, string form, string field, int guess)
    {
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = await ConsoleAppFactory.AntiforgeryTokenAsync(browser),
            [field] = $"{guess:000000}",
        });
        return await browser.PostAsync(path, body);
    }

    private async Task<(string Answer, int Checks)> SignInCountingAsync(string email, string address)
    {
        using var browser = app.CreateBrowser(address);
        var before = CountingConsole.Hasher.Checks;
        var answer = await ErrorAsync(await ConsoleAppFactory.SignInAsync(browser, email, "Not-The-Password-1!"));
        return (answer, CountingConsole.Hasher.Checks - before);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<FlexPayDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.CountAsync(e => e.Action == "sign-in");
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var match = ErrorPattern().Match(await response.Content.ReadAsStringAsync());
            return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value.Trim()) : $"(no error shown; HTTP {(int)response.StatusCode})";
        }
    }

    [GeneratedRegex("data-test=\"sign-in-error\".*?mud-alert-message[^>]*>\\s*([^<]+)<", RegexOptions.Singleline)]
    private static partial Regex ErrorPattern();
}

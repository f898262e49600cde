using System.Net;
using System.Text.RegularExpressions;
using FlexPay.Admin.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlexPay.Admin.Tests.Identity;

/// <summary>
/// The console on real Kestrel with a fresh data folder, as a browser meets it: cookies, anti-forgery
/// tokens and redirects are handled by hand so each test sees every status code.
/// </summary>
public partial class SignInAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "first.admin@flexpay.test";
    public const string AdminPassword = "Bootstrap-Admin-2026!";
    public const string UserPassword = "Correct-Horse-2026!";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("flexpay-identity-").FullName;

    public SignInAppFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    protected virtual string EnvironmentName => "Development";

    /// <summary>A browser of its own: its own cookie jar, and redirects are not followed.</summary>
    public HttpClient CreateBrowser() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = ClientOptions.BaseAddress,
        };

    /// <summary>Posts the sign-in form as a browser does (anti-forgery token and all) and returns the answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? IdentityRegistration.LoginPath : $"{IdentityRegistration.LoginPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await browser.GetStringAsync(path);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(path, body);
    }

    /// <summary>A browser signed in as a new user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string role)
    {
        var email = await CreateUserAsync(role);
        var browser = CreateBrowser();
        using var signedIn = await SignInAsync(browser, email, UserPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    /// <summary>Creates a user with a unique email and <see cref="UserPassword"/>; returns the email.</summary>
    public async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@flexpay.test";
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AdminAccounts>().CreateAsync(email, UserPassword, role);
        Assert.True(created.Succeeded, AdminAccounts.Describe(created));
        return email;
    }

    /// <summary>Where a redirect points, as a path and query on this site.</summary>
    public static string RedirectTarget(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location!.OriginalString;

    /// <summary>An anti-forgery token for <paramref name="browser"/>'s user, from a page that always carries one.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser) =>
        AntiforgeryToken(await browser.GetStringAsync(IdentityRegistration.LoginPath));

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Intake:ApiKeys:0", "test-intake-key");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

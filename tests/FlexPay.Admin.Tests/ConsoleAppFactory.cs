using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlexPay.Admin.Identity;
using FlexPay.Core.Tests.Support;
using FlexPay.Testing;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlexPay.Admin.Tests;

/// <summary>
/// The console as it runs for real: Kestrel on a free port (so the embedded FlexPay sandbox is reached over
/// HTTP), Hangfire, a fresh data folder (database and key ring), a development administrator, every log
/// line captured. Browsers handle cookies, anti-forgery tokens and redirects by hand so each test sees
/// every status code.
/// </summary>
public partial class ConsoleAppFactory : WebApplicationFactory<Program>
{
    public const string IntakeKey = "test-intake-key";
    public const string AdminEmail = "first.admin@flexpay.test";
    public const string AdminPassword = "Bootstrap-Admin-2026!";
    public const string UserPassword = "Correct-Horse-2026!";

    private readonly string _root;
    private readonly bool _ownsRoot;

    public ConsoleAppFactory()
        : this(Directory.CreateTempSubdirectory("flexpay-admin-").FullName, ownsRoot: true)
    {
    }

    /// <summary>A console on the data of <paramref name="root"/>, e.g. the one another console ran on before (a restart).</summary>
    protected ConsoleAppFactory(string root, bool ownsRoot)
    {
        _root = root;
        _ownsRoot = ownsRoot;
        UseKestrel(0);
        if (StartsFromMigratedDatabase)
        {
            MigratedDatabase.CopyTo(DataDirectory);
        }
        StartServer();
    }

    /// <summary>Every line the app logs, at the levels its configuration sets.</summary>
    internal CapturingLoggerProvider Logs { get; } = new();

    protected virtual string EnvironmentName => "Development";

    /// <summary>
    /// Whether the data folder starts with <see cref="MigratedDatabase"/>'s copy (quicker) rather than empty, as a
    /// first install's does.
    /// </summary>
    protected virtual bool StartsFromMigratedDatabase => true;

    /// <summary>The data folder (database, key ring); not created before the console creates it.</summary>
    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>A folder of the test's own beside the data folder (certificates), removed with it.</summary>
    protected string WorkDirectory => _root;

    /// <summary>Outside Development the console is reached as through a TLS-terminating proxy (<see cref="BehindTlsProxy"/>).</summary>
    protected bool BehindTlsProxy => EnvironmentName != "Development";

    /// <summary>A client for the intake API, with the key.</summary>
    public HttpClient CreateApiClient(string key = IntakeKey)
    {
        var client = CreateHttpClient(cookies: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<IReadOnlyList<JsonObject>> SandboxLogAsync()
    {
        using var client = CreateClient();
        return [.. (await client.GetFromJsonAsync<JsonArray>("/sandbox/_log"))!.Select(e => e!.AsObject())];
    }

    /// <summary>
    /// A browser of its own: its own cookie jar, and redirects are not followed. With <paramref name="clientAddress"/>
    /// it comes from that address, as a proxy on loopback would say (<c>X-Forwarded-For</c>).
    /// </summary>
    public HttpClient CreateBrowser(string? clientAddress = null)
    {
        var browser = CreateHttpClient(cookies: true);
        if (clientAddress is not null)
        {
            browser.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        }
        return browser;
    }

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

    /// <summary>A DI scope standing in for a Blazor circuit signed in as <paramref name="email"/>.</summary>
    public async Task<AsyncServiceScope> CircuitAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = (await services.GetRequiredService<UserManager<AdminUser>>().FindByEmailAsync(email))!;
        var principal = await services.GetRequiredService<SignInManager<AdminUser>>().CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)services.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
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
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in IntakeKeys.Entry(0, "tests", IntakeKey, IntakeKeys.AllScopes))
        {
            builder.UseSetting(key, value);
        }
        // Every test signs in from 127.0.0.1; the throttling tests set their own limit.
        builder.UseSetting("Security:FormPostsPerMinute", "100000");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Scheduler:PollingInterval", "00:00:00.100");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || !_ownsRoot)
        {
            return;
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the folder is in the temp directory anyway.
        }
    }

    private HttpClient CreateHttpClient(bool cookies) =>
        new(BehindTlsProxy
            ? new BehindTlsProxy(keepCookies: cookies)
            : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() })
        {
            BaseAddress = ClientOptions.BaseAddress,
        };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.E2E.Pages;
using FlexPay.Sandbox;
using FlexPay.Testing;
using Microsoft.Playwright;

namespace FlexPay.E2E;

/// <summary>
/// One console process, started as <c>dotnet run</c> starts it for a newcomer (Development, the embedded FlexPay
/// sandbox, the seeded administrator, a fresh SQLite file), with waits short enough to watch a recovery happen;
/// and one Debian Chromium driven by Playwright. Every test signs in through its own browser context.
/// </summary>
public sealed class ConsoleUnderTest : IAsyncLifetime
{
    public const string AdminEmail = "admin@flexpay.local";
    public const string AdminPassword = "FlexPay-Dev-2026!";

    /// <summary>How long FlexPay's sandbox asks us to wait before each retry, and the wait before the first.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"flexpay-e2e-{Guid.NewGuid():N}");
    private IPlaywright? _playwright;
    private ConsoleProcess? _console;
    private IBrowser? _browser;

    public ConsoleProcess Console => _console ?? throw new InvalidOperationException("The console has not started.");

    /// <summary>
    /// Every Content-Security-Policy violation Chromium reported on any page so far (it logs each to the page's console).
    /// The console's CSP is on in Development too, so every screen the tests open is checked against it.
    /// </summary>
    public ConcurrentQueue<string> CspViolations { get; } = new();

    /// <summary>The intake API of the billing system, with its key.</summary>
    public HttpClient Api => Console.Api;

    /// <summary>Where screenshots and downloads go: <c>TestResults/e2e</c> at the repository root, kept by CI as artifacts.</summary>
    public static string ArtifactDirectory { get; } = Path.Combine(Repository.Root, "TestResults", "e2e");

    public async Task InitializeAsync()
    {
        var delay = RetryDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        // Every browser test signs in from 127.0.0.1 to this one console, more often than the default ten form posts a
        // minute allow (the throttle itself is proven in Admin.Tests' SignInThrottlingTests).
        _console = await ConsoleProcess.StartDevelopmentAsync(
            _dataDirectory, $"--Sandbox:RetryDelay={delay}", $"--Recovery:FirstRetryDelay={delay}", "--Security:FormPostsPerMinute=100000");
        // The first page a fresh process renders pays for JIT and Razor start-up; pay it here, not in a test's time limit.
        using (var warmUp = await Api.GetAsync("Account/Login"))
        {
            warmUp.EnsureSuccessStatusCode();
        }
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>The names of the gateways FlexPay (the embedded sandbox) holds for the development key's company.</summary>
    public async Task<IReadOnlyList<string>> SandboxGatewayNamesAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "sandbox/v1/gateways");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", SandboxOptions.DevelopmentApiKey);
        using var response = await Api.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return [.. body!["gateways"]!.AsArray().Select(g => (string)g!["name"]!)];
    }

    /// <summary>A new browser context (its own cookies) at <paramref name="width"/> × <paramref name="height"/>, signed in as the given user.</summary>
    public async Task<IPage> SignedInPageAsync(
        string email = AdminEmail, string password = AdminPassword, int width = 1280, int height = 800, bool dark = false)
    {
        var page = await NewPageAsync(width, height, dark);
        await new SignInPage(page).SignInAsync(email, password);
        return page;
    }

    /// <summary>A new browser context with no one signed in; <paramref name="dark"/> makes it prefer the dark colour scheme.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool dark = false)
    {
        var context = await (_browser ?? throw new InvalidOperationException("The browser has not started.")).NewContextAsync(new()
        {
            BaseURL = Console.Address.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/Paris",
            ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light,
        });
        // Bounds for a shared, loaded 2-core machine, not performance targets.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot as <c>name.png</c> among the run's artifacts.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ArtifactDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDirectory, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.DisposeAsync();
        }
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleUnderTest>
{
    public const string Name = "Console in Chromium";
}

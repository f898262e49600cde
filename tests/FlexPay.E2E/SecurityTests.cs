using FlexPay.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>What the browser is told to refuse, and that the sign-in pages follow the browser's dark mode.</summary>
public sealed class SecurityTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task The_content_security_policy_blocks_a_script_injected_into_a_page()
    {
        var page = await SignedInPageAsync();
        await page.GotoInteractiveAsync("/recoveries");

        var ran = await page.EvaluateAsync<bool>("""
            () => {
              const script = document.createElement("script");
              script.textContent = "window.__injected = true";
              document.body.appendChild(script);
              return window.__injected === true;
            }
            """);

        Assert.False(ran);
        Assert.Contains(TakeCspViolations(), v => v.Contains("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_screen_opens_for_an_administrator_within_the_content_security_policy()
    {
        var page = await SignedInPageAsync();
        foreach (var screen in (string[])["/", "/recoveries", "/refunds", "/gateways", "/users", "/audit", "/settings", "/certification"])
        {
            await page.GotoInteractiveAsync(screen);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
        }
        foreach (var screen in (string[])["/hangfire", "/Account/Password"])
        {
            await page.GotoAsync(screen, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });
        }

        Assert.Empty(TakeCspViolations());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_sign_in_page_follows_the_browser_s_colour_scheme(bool dark)
    {
        foreach (var width in (int[])[1280, 390])
        {
            var page = await NewPageAsync(width: width, dark: dark);
            await page.GotoAsync("/Account/Login");
            await Expect(page.Locator("#email")).ToBeVisibleAsync();

            var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.fp-account-card')).backgroundColor");
            await ConsoleUnderTest.ScreenshotAsync(page, $"sign-in-{(dark ? "dark" : "light")}-{width}");

            Assert.Equal(dark, Luminance(background) < 0.3);
        }
    }

    /// <summary>Relative luminance of a CSS <c>rgb(r, g, b)</c> colour, 0 (black) to 1 (white).</summary>
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)].Split(',')
            .Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}

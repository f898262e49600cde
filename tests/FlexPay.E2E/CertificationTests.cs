using FlexPay.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

public sealed class CertificationTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task The_seven_scenarios_run_from_the_page_pass_and_export_Appendix_A()
    {
        var page = await SignedInPageAsync();
        var certification = new CertificationPage(page);
        await certification.OpenAsync();

        await certification.StartAsync();
        await Expect(certification.Steps).ToHaveCountAsync(7);
        await ConsoleUnderTest.ScreenshotAsync(page, "certification-running");

        // Leaving the page and coming back finds the run where it got to.
        var runAddress = page.Url;
        await page.GotoAsync("/");
        await page.GotoAsync(runAddress);
        await Expect(certification.Status).ToHaveTextAsync("Passed", new() { Timeout = 180_000 });
        await Expect(certification.ProgressText).ToHaveTextAsync("7 of 7 steps");
        await Expect(certification.Steps.Filter(new() { HasNotText = "Passed" })).ToHaveCountAsync(0);
        await ConsoleUnderTest.ScreenshotAsync(page, "certification-passed");

        var appendix = await certification.DownloadAppendixAsync();
        await File.WriteAllTextAsync(Path.Combine(ConsoleUnderTest.ArtifactDirectory, "appendix-a.csv"), appendix);
        var markdown = await certification.AppendixMarkdownAsync();
        Assert.Contains("| 7 |", markdown, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(ConsoleUnderTest.ArtifactDirectory, "appendix-a.md"), markdown);
        var rows = appendix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var step = 1; step <= 7; step++)
        {
            Assert.Contains(rows.Skip(1), row => row.StartsWith($"\"{step}\",", StringComparison.Ordinal));
        }
        Assert.All(rows.Skip(1), row => Assert.Contains("Passed", row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_runs_data_stays_out_of_every_screen_until_shown_and_its_gateways_end_disabled()
    {
        var page = await SignedInPageAsync();
        var certification = new CertificationPage(page);
        await certification.OpenAsync();
        await certification.StartAsync();
        await Expect(certification.Status).ToHaveTextAsync("Passed", new() { Timeout = 180_000 });
        var runAddress = page.Url;

        var list = new RecoveriesListPage(page);
        await list.OpenAsync("?q=cert-");
        await Expect(page.GetByText("No recovery matches")).ToBeVisibleAsync();
        await page.Locator("input[data-test=show-certification]").CheckAsync();
        await Expect(list.OrderLinks.First).ToBeVisibleAsync();
        Assert.True(await list.OrderLinks.CountAsync() >= 9);
        await Expect(page.Locator("[data-test=certification-chip]").First).ToBeVisibleAsync();
        Assert.Contains("includeCertification=true", page.Url, StringComparison.Ordinal);

        await page.GotoInteractiveAsync("/gateways");
        await Expect(page.Locator("[data-test=show-certification]").First).ToBeVisibleAsync();
        await Expect(page.GetByText("CERT-", new() { Exact = false })).ToHaveCountAsync(0);
        await page.GotoInteractiveAsync("/gateways?includeCertification=true");
        var runGateways = page.Locator("tr").Filter(new() { Has = page.Locator("[data-test=certification-chip]") });
        await Expect(runGateways.First).ToBeVisibleAsync();
        await Expect(runGateways.Filter(new() { HasText = "Enabled" })).ToHaveCountAsync(0);

        foreach (var (width, height, dark) in new[] { (1280, 800, false), (1280, 800, true), (390, 844, false), (390, 844, true) })
        {
            var view = await SignedInPageAsync(width: width, height: height, dark: dark);
            foreach (var screen in new[] { "/", "/recoveries", "/refunds", "/gateways" })
            {
                await view.GotoInteractiveAsync(screen + "?includeCertification=true");
                await Expect(view.Locator("input[data-test=show-certification]")).ToBeCheckedAsync();
                await Expect(screen == "/" ? view.Locator("[data-test=chains-by-state]") : view.GetByText("CERT-").First).ToBeVisibleAsync();
                await ExpectThemeAsync(view, dark);
                var overflow = await view.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{screen} is {overflow}px wider than the screen.");
                var name = screen == "/" ? "dashboard" : screen.Trim('/');
                await ConsoleUnderTest.ScreenshotAsync(view, $"certification-shown-{name}-{width}-{(dark ? "dark" : "light")}");
            }
            await view.GotoInteractiveAsync("/recoveries");
            await Expect(view.Locator("input[data-test=show-certification]")).Not.ToBeCheckedAsync();
            await ExpectThemeAsync(view, dark);
            await ConsoleUnderTest.ScreenshotAsync(view, $"certification-hidden-recoveries-{width}-{(dark ? "dark" : "light")}");
            await view.GotoInteractiveAsync(runAddress);
            await Expect(view.Locator("[data-test=run] [data-test=run-status]")).ToHaveTextAsync("Passed");
            await ExpectThemeAsync(view, dark);
            await ConsoleUnderTest.ScreenshotAsync(view, $"certification-page-{width}-{(dark ? "dark" : "light")}");
        }
    }

    [Fact]
    public async Task A_live_account_is_listed_with_its_mode_and_refused_with_the_reason()
    {
        var company = "live-" + Guid.NewGuid().ToString("N")[..6];
        var settings = await SignedInPageAsync();
        await settings.GotoInteractiveAsync("/settings");
        await settings.Locator("[data-test=add-key]").ClickAsync();
        var dialog = settings.Locator(".mud-dialog");
        await dialog.Locator("input[data-test=company]").FillAsync(company);
        await dialog.Locator("[data-test=mode]").ClickAsync();
        await settings.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Live" }).ClickAsync();
        await dialog.Locator("input[data-test=api-key]").FillAsync("bGl2ZS1jb21wYW55LWtleS0wMDAwMDAwMDAwMDAwMA==");
        await dialog.Locator("button[data-test=save]").ClickAsync();
        await dialog.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });
        try
        {
            foreach (var (width, height, dark) in new[] { (1280, 800, false), (1280, 800, true), (390, 844, false), (390, 844, true) })
            {
                var page = await SignedInPageAsync(width: width, height: height, dark: dark);
                var certification = new CertificationPage(page);
                await certification.OpenAsync();
                await certification.ChooseCompanyAsync(company);

                await Expect(page.Locator("[data-test=start-refused]")).ToContainTextAsync($"{company} is a Live account");
                await Expect(page.Locator("button[data-test=start-run]")).ToBeDisabledAsync();
                await ExpectThemeAsync(page, dark);
                await ConsoleUnderTest.ScreenshotAsync(page, $"certification-refused-live-{width}-{(dark ? "dark" : "light")}");
            }
        }
        finally
        {
            // The console is shared: leave it with the one account the other tests expect.
            await settings.GotoInteractiveAsync("/settings");
            await settings.Locator("tr").Filter(new() { HasText = company }).Locator("[data-test=remove-key]").ClickAsync();
            await settings.Locator(".mud-dialog button").Filter(new() { HasText = "Remove" }).ClickAsync();
            await Expect(settings.Locator("tr").Filter(new() { HasText = company })).ToHaveCountAsync(0);
        }
    }

    /// <summary>The theme follows the browser's once the circuit runs: a screenshot waits for it.</summary>
    private static Task ExpectThemeAsync(Microsoft.Playwright.IPage page, bool dark) =>
        Expect(page.Locator("[data-test=theme-toggle]")).ToHaveAttributeAsync("aria-label", dark ? "Use the light theme" : "Use the dark theme");
}

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
}

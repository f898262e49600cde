using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

public sealed class CertificationPage(IPage page)
{
    public ILocator Status => page.Locator("[data-test=run] [data-test=run-status]");

    public ILocator Steps => page.Locator("[data-test=step]");

    public ILocator ProgressText => page.Locator("[data-test=progress-text]");

    public Task OpenAsync() => page.GotoInteractiveAsync("/certification");

    /// <summary>Picks the company (FlexPay account) to run for.</summary>
    public async Task ChooseCompanyAsync(string company)
    {
        await page.Locator("[data-test=company]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = company }).ClickAsync();
    }

    /// <summary>Starts a run for the preselected company; the page moves to the run's own address.</summary>
    public async Task StartAsync()
    {
        await page.Locator("button[data-test=start-run]").ClickAsync();
        await page.WaitForAddressAsync("/certification/[0-9a-f-]{36}$");
    }

    /// <summary>The Markdown Appendix A of the run on screen, read with the signed-in user's cookie.</summary>
    public async Task<string> AppendixMarkdownAsync()
    {
        var runId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var response = await page.Context.APIRequest.GetAsync($"/certification/runs/{runId}/appendix-a.md");
        return await response.TextAsync();
    }

    /// <summary>Downloads the Appendix A CSV of the run on screen and returns its text.</summary>
    public async Task<string> DownloadAppendixAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-test=download-csv]").ClickAsync());
        using var reader = new StreamReader(await download.CreateReadStreamAsync());
        return await reader.ReadToEndAsync();
    }
}

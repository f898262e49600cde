using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

public sealed class WebhooksPage(IPage page)
{
    public Task OpenAsync() => page.GotoInteractiveAsync("/webhooks");

    public ILocator Row(string url) => page.Locator("[data-test=webhook-grid] tbody tr.mud-table-row").Filter(new() { HasText = url });

    public ILocator Secret => page.Locator(".mud-dialog [data-test=webhook-secret]");

    public ILocator Deliveries => page.Locator("[data-test=delivery-table]");

    /// <summary>Creates an endpoint for every event and returns the secret the dialog shows once.</summary>
    public async Task<string> CreateAsync(string url)
    {
        await page.Locator("[data-test=new-webhook]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-test=webhook-url]").FillAsync(url);
        await dialog.Locator("button[data-test=webhook-save]").ClickAsync();
        return await TakeSecretAsync();
    }

    public async Task<string> RollSecretAsync(string url)
    {
        await Row(url).Locator("[data-test=webhook-actions] button").ClickAsync();
        await page.Locator(".mud-popover-open [data-test=roll-secret]").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "Roll secret" }).ClickAsync();
        return await TakeSecretAsync();
    }

    public ILocator Tries => page.Locator("[data-test=delivery-try-table]");

    public async Task SendTestEventAsync(string url)
    {
        await Row(url).Locator("[data-test=webhook-actions] button").ClickAsync();
        await page.Locator(".mud-popover-open [data-test=send-test]").ClickAsync();
    }

    /// <summary>Opens the tries of the newest delivery, reloading the screen (which does not refresh itself) until it has been tried.</summary>
    public async Task OpenTriesAsync()
    {
        var tries = Deliveries.Locator("button[data-test=delivery-tries]").First;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await tries.InnerTextAsync()).Trim() == "0" && DateTimeOffset.UtcNow < deadline)
        {
            await OpenAsync();
        }
        await tries.ClickAsync();
    }

    /// <summary>Reads the secret and closes its dialog (it is never shown again).</summary>
    public async Task<string> TakeSecretAsync()
    {
        var secret = await Secret.InnerTextAsync();
        await page.Locator(".mud-dialog button[data-test=secret-done]").ClickAsync();
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        return secret;
    }
}

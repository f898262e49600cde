using FlexPay.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

public sealed class WebhookTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task An_admin_registers_a_webhook_sees_its_secret_once_and_rolls_it()
    {
        var page = await SignedInPageAsync();
        var webhooks = new WebhooksPage(page);
        await webhooks.OpenAsync();
        // Nothing listens there: deliveries fail and are retried, and no traffic leaves the machine.
        var url = $"http://127.0.0.1:9/hooks-{Guid.NewGuid():N}";

        var first = await webhooks.CreateAsync(url);

        Assert.StartsWith("whsec_", first, StringComparison.Ordinal);
        await Expect(webhooks.Row(url)).ToContainTextAsync("Enabled");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(first);
        await ConsoleUnderTest.ScreenshotAsync(page, "webhooks-1280-light");

        var rolled = await webhooks.RollSecretAsync(url);

        Assert.StartsWith("whsec_", rolled, StringComparison.Ordinal);
        Assert.NotEqual(first, rolled);
        await Expect(webhooks.Deliveries).ToBeVisibleAsync();
        await webhooks.SendTestEventAsync(url);
        await webhooks.OpenTriesAsync();
        await Expect(webhooks.Tries).ToContainTextAsync("ms");
        await page.Locator("[data-test=theme-toggle]").ClickAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "webhooks-1280-dark");
        await page.SetViewportSizeAsync(390, 800);
        await ConsoleUnderTest.ScreenshotAsync(page, "webhooks-390-dark");
        await page.Locator("[data-test=theme-toggle]").ClickAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "webhooks-390-light");
    }
}

using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

internal static class Interactive
{
    /// <summary>
    /// Opens <paramref name="path"/> and waits until the Blazor circuit has taken over the prerendered page;
    /// a click before that would land on inert HTML.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=yes]").WaitForAsync();
    }
}

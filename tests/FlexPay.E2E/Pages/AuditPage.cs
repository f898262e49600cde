using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E.Pages;

public sealed class AuditPage(IPage page)
{
    public ILocator Rows => page.Locator("tbody tr.mud-table-row");

    /// <summary>Opens the log searched for <paramref name="search"/>, once the grid shows only what matches.</summary>
    public async Task OpenAsync(string search)
    {
        await page.GotoInteractiveAsync("/audit");
        await page.GetByPlaceholder("Search actor, action, target or detail").FillAsync(search);
        await Expect(Rows.Filter(new() { HasNotText = search })).ToHaveCountAsync(0);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E.Pages;

public sealed class AuditPage(IPage page)
{
    public ILocator Rows => page.Locator("tbody tr.mud-table-row");

    /// <summary>
    /// Opens the log searched for <paramref name="target"/> (part of what an entry was about, e.g. a recovery's id), once
    /// the grid shows only entries about it. The grid names targets for people; the raw target is in each cell's title.
    /// </summary>
    public async Task OpenAsync(string target)
    {
        await page.GotoInteractiveAsync("/audit");
        await page.GetByPlaceholder("Actor, action, target or detail").FillAsync(target);
        var aboutIt = page.Locator($"[data-test=audit-target][title*='{target}']");
        await Expect(Rows.Filter(new() { HasNot = aboutIt })).ToHaveCountAsync(0);
    }
}

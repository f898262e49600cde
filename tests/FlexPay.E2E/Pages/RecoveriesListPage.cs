using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

/// <summary>The recoveries list: its grid, search and export.</summary>
public sealed class RecoveriesListPage(IPage page)
{
    public Task OpenAsync(string query = "") => page.GotoInteractiveAsync("/recoveries" + query);

    public ILocator Search => page.Locator("input[data-test=search]");

    public ILocator OrderLinks => page.Locator("[data-test=order-link]");

    public ILocator Loading => page.Locator("[data-test=grid-loading]");

    public ILocator EmptyState => page.GetByText("No recoveries yet");

    public ILocator Export => page.Locator("[data-test=export-csv]");
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E.Pages;

public sealed class GatewaysPage(IPage page)
{
    public Task OpenAsync() => page.GotoInteractiveAsync("/gateways");

    /// <summary>The grid row of the gateway called <paramref name="name"/>.</summary>
    public ILocator Row(string name) => page.Locator("tbody tr.mud-table-row").Filter(new() { HasText = name });

    public ILocator Search => page.Locator("input[data-test=search]");

    /// <summary>The gateways' names, in the grid's order.</summary>
    public ILocator Names => page.Locator("[data-test=gateways] tbody tr.mud-table-row td:first-child b");

    public ILocator SyncState(string name) => Row(name).Locator("[data-test=sync-state]");

    /// <summary>The warning shown before a disable that holds open recoveries.</summary>
    public ILocator DisableWarning => page.Locator(".mud-dialog").Filter(new() { Has = page.Locator("[data-test=disable-warning]") });

    /// <summary>Chooses Disable in the row's menu: the gateway is disabled, or <see cref="DisableWarning"/> asks first.</summary>
    public async Task ChooseDisableAsync(string name)
    {
        await Row(name).Locator("[data-test=gateway-actions] button").ClickAsync();
        await page.Locator(".mud-popover-open [data-test=disable]").ClickAsync();
    }

    /// <summary>Creates a gateway of the embedded sandbox's own type and enables it, which creates it at FlexPay.</summary>
    public async Task CreateAsync(string name, string currency, string apiKey)
    {
        await page.Locator("[data-test=new-gateway]").ClickAsync();
        var dialog = page.Locator(".mud-dialog").Filter(new() { HasText = "New gateway" });
        await dialog.Locator("input[data-test=name]").FillAsync(name);
        await ChooseTypeAsync(dialog, "flexpay_sandbox");
        await dialog.Locator("input[data-test=currency]").FillAsync(currency);
        await dialog.Locator("input[data-test=credential-apiKey]").FillAsync(apiKey);
        await dialog.Locator("input[data-test=enable-now]").CheckAsync();
        await dialog.Locator("[data-test=save]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>
    /// Types the gateway type until the list offers only it, then takes it with Enter: the keyboard goes through the
    /// input's own handler, where a click could land on a list item the search was just re-rendering.
    /// </summary>
    private async Task ChooseTypeAsync(ILocator dialog, string type)
    {
        var input = dialog.Locator("input[data-test=type]");
        await input.ClickAsync();
        await input.FillAsync(type);
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveTextAsync([type]);
        await input.PressAsync("Enter");
        await Expect(dialog.Locator("[data-test=credential-row]").First).ToBeVisibleAsync();
    }
}

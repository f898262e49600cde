using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

public sealed class UsersPage(IPage page)
{
    public Task OpenAsync() => page.GotoInteractiveAsync("/users");

    public ILocator Row(string email) => page.Locator("tbody tr.mud-table-row").Filter(new() { HasText = email });

    public async Task CreateAsync(string email, string password, string role)
    {
        await page.Locator("[data-test=new-user]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("input[data-test=email]").FillAsync(email);
        await dialog.Locator("input[data-test=password]").FillAsync(password);
        await dialog.Locator("[data-test=role]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = role + ":" }).ClickAsync();
        await dialog.Locator("button[data-test=create]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}

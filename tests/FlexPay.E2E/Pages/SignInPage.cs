using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

public sealed class SignInPage(IPage page)
{
    public ILocator Error => page.Locator("[data-test=sign-in-error]");

    public async Task SignInAsync(string email, string password)
    {
        await AttemptAsync(email, password);
        try
        {
            await page.WaitToLeaveAsync("/Account/Login");
        }
        catch (PlaywrightException stillThere)
        {
            var refusal = await Error.AllInnerTextsAsync();
            throw new InvalidOperationException($"Signing in as {email} did not leave the sign-in page: {string.Join(" ", refusal)}", stillThere);
        }
    }

    /// <summary>Fills the form and submits it, whatever the answer.</summary>
    public async Task AttemptAsync(string email, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("/Account/Login");
        }
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}

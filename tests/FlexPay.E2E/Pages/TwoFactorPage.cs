using FlexPay.Testing;
using Microsoft.Playwright;

namespace FlexPay.E2E.Pages;

/// <summary>The two-factor set-up page and the code step of the sign-in.</summary>
public sealed class TwoFactorPage(IPage page)
{
    public ILocator RecoveryCodes => page.Locator("[data-test=recovery-codes] li");

    public ILocator QrCode => page.Locator("[data-test=authenticator-qr]");

    public Task OpenAsync() => page.GotoAsync("/Account/TwoFactor");

    /// <summary>Reads the key the page shows, as a person types it into the app, and confirms it with the app's code; returns the key.</summary>
    public async Task<string> SetUpAsync()
    {
        var key = await page.Locator("[data-test=authenticator-key]").InnerTextAsync();
        await page.Locator("#code").FillAsync(AuthenticatorApp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("[data-test=enable-two-factor]").ClickAsync();
        await RecoveryCodes.First.WaitForAsync();
        return key;
    }

    /// <summary>On the sign-in's code step: types what the app shows now.</summary>
    public async Task EnterCodeAsync(string key)
    {
        await page.WaitForAddressAsync("/Account/LoginWith2fa");
        await page.Locator("#code").FillAsync(AuthenticatorApp.Code(key, DateTimeOffset.UtcNow));
        await page.Locator("[data-test=verify-code]").ClickAsync();
        await page.WaitToLeaveAsync("/Account/");
    }
}

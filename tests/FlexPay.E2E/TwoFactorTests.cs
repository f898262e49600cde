using FlexPay.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>Two-factor sign-in with an authenticator app, set up and used in the browser.</summary>
public sealed class TwoFactorTests(ConsoleUnderTest console) : BrowserTest(console)
{
    private const string Password = "Two-Factor-Pass-2026!";

    [Fact]
    public async Task A_user_sets_up_an_authenticator_app_and_then_signs_in_with_its_code()
    {
        var email = $"tfa-{Guid.NewGuid():N}"[..12] + "@flexpay.test";
        var admin = await SignedInPageAsync();
        var users = new UsersPage(admin);
        await users.OpenAsync();
        await users.CreateAsync(email, Password, "Viewer");

        var page = await SignedInPageAsync(email, Password);
        await page.Locator("[data-interactive=yes]").WaitForAsync();
        await page.Locator("[data-test=user-menu]").ClickAsync();
        await page.Locator("[data-test=two-factor]").ClickAsync();
        await page.WaitForAddressAsync("/Account/TwoFactor");
        var twoFactor = new TwoFactorPage(page);
        await Expect(twoFactor.QrCode).ToBeVisibleAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "two-factor-set-up");
        var key = await twoFactor.SetUpAsync();
        await Expect(twoFactor.RecoveryCodes).ToHaveCountAsync(10);
        await ConsoleUnderTest.ScreenshotAsync(page, "two-factor-recovery-codes");

        var later = await NewPageAsync(width: 390, height: 844);
        var signIn = new SignInPage(later);
        await signIn.AttemptAsync(email, Password);
        await ConsoleUnderTest.ScreenshotAsync(later, "two-factor-code-step-390");
        await new TwoFactorPage(later).EnterCodeAsync(key);
        await later.GotoAsync("/");
        await Expect(later.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }
}

using FlexPay.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

public sealed class SignInTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_opens_the_dashboard()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/recoveries");
        Assert.Contains("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        var signIn = new SignInPage(page);

        await signIn.AttemptAsync(ConsoleUnderTest.AdminEmail, "not-the-password");
        await Expect(signIn.Error).ToHaveTextAsync("The email or the password is not right.");
        await ConsoleUnderTest.ScreenshotAsync(page, "sign-in-refused");

        await signIn.SignInAsync(ConsoleUnderTest.AdminEmail, ConsoleUnderTest.AdminPassword);
        Assert.EndsWith("/recoveries", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "dashboard");
    }
}

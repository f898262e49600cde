using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E.Pages;

/// <summary>
/// Waits for the page's address. Playwright's own <c>WaitForURLAsync</c> checks the address and then subscribes to
/// load events, and can lose the event that comes in between (microsoft/playwright-dotnet#3364): one such loss timed
/// a CI run out at sign-in. The assertion below is polled by the Playwright driver itself, so nothing can be lost.
/// </summary>
internal static class Addresses
{
    private static readonly PageAssertionsToHaveURLOptions Navigation = new() { Timeout = 60_000 };

    public static Task WaitForAddressAsync(this IPage page, string pathPattern) =>
        Expect(page).ToHaveURLAsync(Pattern(pathPattern), Navigation);

    public static Task WaitToLeaveAsync(this IPage page, string pathPattern) =>
        Expect(page).Not.ToHaveURLAsync(Pattern(pathPattern), new PageAssertionsToHaveURLOptions { Timeout = Navigation.Timeout });

    // Only the flags JavaScript knows: the driver evaluates the pattern in the browser.
    private static Regex Pattern(string pathPattern) => new(pathPattern, RegexOptions.IgnoreCase);
}

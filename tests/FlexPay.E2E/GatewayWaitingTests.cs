using FlexPay.E2E.Pages;
using FlexPay.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>
/// Disabling a gateway holds the recoveries bound to it instead of failing them (issue 14, item 2): the warning lists
/// them, the recovery waits for the gateway in plain words, and staff move it to another gateway, where it goes on.
/// </summary>
public sealed class GatewayWaitingTests(ConsoleUnderTest console) : BrowserTest(console)
{
    /// <summary>How far after the hand-over the merchant's decline is dated: the retry is due once the gateway is disabled.</summary>
    private static readonly TimeSpan DeclineAhead = TimeSpan.FromSeconds(20);

    /// <summary>Beyond every step of the test: the warning's recovery is never sent meanwhile.</summary>
    private static readonly TimeSpan WarningDeclineAhead = TimeSpan.FromMinutes(4);

    private static readonly (int Width, int Height, bool Dark)[] Looks = [(1280, 800, false), (390, 844, false), (1280, 800, true), (390, 844, true)];

    [Fact]
    public async Task A_recovery_bound_to_a_disabled_gateway_waits_for_it_and_goes_on_once_moved_to_another()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (leaving, staying, spare) = ($"MID-Leaving-{suffix}", $"MID-Staying-{suffix}", $"MID-Spare-{suffix}");
        var (_, leavingToken) = await Console.Api.CreateEnabledAsync(leaving, "USD");
        var (_, spareToken) = await Console.Api.CreateEnabledAsync(spare, "USD");
        await Console.Api.CreateEnabledAsync(staying, "USD");
        // 7500 approves: once moved, the recovery's retry is answered at once.
        var payment = Payloads.DeclinedPayment(7500, declinedAt: DateTimeOffset.UtcNow + DeclineAhead).With("gatewayToken", leavingToken);
        var page = await SignedInPageAsync();
        var gateways = new GatewaysPage(page);
        await gateways.OpenAsync();
        var chainId = await Console.Api.SubmitAsync(payment);

        await gateways.ChooseDisableAsync(leaving);
        await Expect(gateways.DisableWarning).ToContainTextAsync((string)payment["externalId"]!);
        await Expect(gateways.DisableWarning).ToContainTextAsync("does not fail");
        await gateways.DisableWarning.Locator("button[data-test=confirm-disable]").ClickAsync();
        await Expect(gateways.Row(leaving)).ToContainTextAsync("Disabled");

        var recovery = new RecoveryPage(page);
        await recovery.OpenAsync(chainId);
        await Expect(recovery.State).ToHaveTextAsync("Waiting", new() { Timeout = 90_000 });
        await Expect(recovery.StateReason).ToContainTextAsync($"Waiting for gateway {leaving}");
        await Expect(recovery.MoveToGatewayButton).ToBeVisibleAsync();
        await ScreenshotsOfTheWaitingRecoveryAsync(chainId, staying);

        await recovery.ChooseGatewayToMoveToAsync(staying);
        await recovery.ConfirmMoveAsync();

        await Expect(recovery.State).ToHaveTextAsync("Recovered", new() { Timeout = 60_000 });
        await Expect(recovery.Attempts.Filter(new() { HasText = "Approved" })).ToHaveCountAsync(1);
        await ConsoleUnderTest.ScreenshotAsync(page, "waiting-recovery-moved-recovered");

        await ScreenshotsOfTheDisableWarningAsync(spare, spareToken);
    }

    /// <summary>The waiting recovery and its move dialog in each look; the dialog is left without moving anything.</summary>
    private async Task ScreenshotsOfTheWaitingRecoveryAsync(string chainId, string target)
    {
        foreach (var (width, height, dark) in Looks)
        {
            var page = await SignedInPageAsync(width: width, height: height, dark: dark);
            var recovery = new RecoveryPage(page);
            var look = $"{width}-{(dark ? "dark" : "light")}";
            await recovery.OpenAsync(chainId);
            await Expect(recovery.State).ToHaveTextAsync("Waiting");
            await AssertFitsAsync(page);
            await ConsoleUnderTest.ScreenshotAsync(page, $"waiting-recovery-{look}");

            await recovery.ChooseGatewayToMoveToAsync(target);
            await ConsoleUnderTest.ScreenshotAsync(page, $"waiting-recovery-move-dialog-{look}");
            await recovery.MoveDialog.GetByRole(AriaRole.Button, new() { Name = "Keep it here" }).ClickAsync();
            await recovery.MoveDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
    }

    /// <summary>The disable warning of a gateway a recovery is pinned to, in each look; the gateway is kept enabled.</summary>
    private async Task ScreenshotsOfTheDisableWarningAsync(string gateway, string token)
    {
        await Console.Api.SubmitAsync(Payloads.DeclinedPayment(7500, declinedAt: DateTimeOffset.UtcNow + WarningDeclineAhead).With("gatewayToken", token));
        foreach (var (width, height, dark) in Looks)
        {
            var page = await SignedInPageAsync(width: width, height: height, dark: dark);
            var gateways = new GatewaysPage(page);
            await gateways.OpenAsync();
            await gateways.ChooseDisableAsync(gateway);
            await Expect(gateways.DisableWarning.Locator("[data-test=bound-chains] tbody tr")).ToHaveCountAsync(1);
            await AssertFitsAsync(page);
            await ConsoleUnderTest.ScreenshotAsync(page, $"disable-warning-{width}-{(dark ? "dark" : "light")}");
            await gateways.DisableWarning.Locator("button[data-test=keep-enabled]").ClickAsync();
            await gateways.DisableWarning.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the window.");
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E.Pages;

/// <summary>One recovery chain: its state, its attempt timeline, its refunds.</summary>
public sealed class RecoveryPage(IPage page)
{
    public Task OpenAsync(string chainId) => page.GotoInteractiveAsync($"/recoveries/{chainId}");

    public ILocator State => page.Locator("[data-test=state]");

    public ILocator Countdown => page.Locator("[data-test=countdown]");

    public ILocator Attempts => page.Locator("[data-test=attempt]");

    public ILocator RefundButton => page.Locator("button[data-test=refund]");

    public ILocator StateReason => page.Locator("[data-test=state-reason]");

    public ILocator MoveToGatewayButton => page.Locator("button[data-test=move-to-gateway]");

    /// <summary>The dialog "Move to gateway…" opens.</summary>
    public ILocator MoveDialog => page.Locator(".mud-dialog").Filter(new() { Has = page.Locator("[data-test=move-gateway]") });

    /// <summary>Opens "Move to gateway…" and picks <paramref name="gateway"/>; the dialog waits for Move.</summary>
    public async Task ChooseGatewayToMoveToAsync(string gateway)
    {
        await MoveToGatewayButton.ClickAsync();
        await MoveDialog.Locator("[data-test=move-gateway]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = gateway }).ClickAsync();
        await Expect(MoveDialog.Locator("button[data-test=confirm-move]")).ToBeEnabledAsync();
    }

    public async Task ConfirmMoveAsync()
    {
        await MoveDialog.Locator("button[data-test=confirm-move]").ClickAsync();
        await MoveDialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public ILocator Refunds => page.Locator("[data-test=refunds] .fp-refund");

    public ILocator ReferenceSent(int attempt) => Attempts.Nth(attempt).Locator("[data-test=reference-sent]");

    public ILocator ReferenceReceived(int attempt) => Attempts.Nth(attempt).Locator("[data-test=reference-received]");

    /// <summary>Opens the refund dialog and fills it; returns the dialog at its confirmation step.</summary>
    public async Task<RefundDialog> ReviewRefundAsync(string amount, string reason)
    {
        await RefundButton.ClickAsync();
        var dialog = new RefundDialog(page.Locator(".mud-dialog"));
        await dialog.FillAsync(amount, reason);
        return dialog;
    }
}

public sealed class RefundDialog(ILocator dialog)
{
    public ILocator Confirmation => dialog.Locator("[data-test=confirmation]");

    public ILocator Result => dialog.Locator("[data-test=result]");

    public async Task FillAsync(string amount, string reason)
    {
        await dialog.Locator("input[data-test=amount]").FillAsync(amount);
        await dialog.Locator("textarea[data-test=reason]").FillAsync(reason);
        await dialog.Locator("button[data-test=review]").ClickAsync();
    }

    /// <summary>Double-clicks the confirm button, as an impatient person does, and waits for FlexPay's answer.</summary>
    public async Task ConfirmImpatientlyAsync()
    {
        await dialog.Locator("button[data-test=confirm]").DblClickAsync();
        await Result.WaitForAsync();
    }

    public async Task CloseAsync()
    {
        await dialog.Locator("button[data-test=close]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}

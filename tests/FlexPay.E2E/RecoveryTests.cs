using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlexPay.E2E.Pages;
using FlexPay.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlexPay.E2E;

/// <summary>A payment the merchant's gateway declined, recovered through FlexPay before finance's eyes, then refunded.</summary>
public sealed class RecoveryTests(ConsoleUnderTest console) : BrowserTest(console)
{
    [Fact]
    public async Task A_declined_payment_recovers_on_its_page_and_is_refunded_in_part_then_in_full_once_each()
    {
        // 2402: the emulator declines until retry 2, three seconds apart.
        var payment = Payloads.DeclinedPayment(amount: 2402, currency: "USD");
        var chainId = await Console.Api.SubmitAsync(payment);
        var orderId = (string)payment["orderId"]!;
        var page = await SignedInPageAsync();
        var recovery = new RecoveryPage(page);

        await recovery.OpenAsync(chainId);
        await Expect(recovery.Countdown).ToBeVisibleAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "recovery-scheduled");
        await Expect(recovery.State).ToHaveTextAsync("Recovered", new() { Timeout = 60_000 });
        await Expect(recovery.Attempts).ToHaveCountAsync(2);
        var received = await recovery.ReferenceReceived(0).InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(received));
        await Expect(recovery.ReferenceSent(1)).ToContainTextAsync(received.Trim());
        await ConsoleUnderTest.ScreenshotAsync(page, "recovery-recovered");

        var partial = await recovery.ReviewRefundAsync("10.00", "Goodwill for the late delivery");
        await Expect(partial.Confirmation).ToContainTextAsync($"Refund 10.00 USD to cust-42 (order {orderId})?");
        await partial.ConfirmImpatientlyAsync();
        await Expect(partial.Result).ToHaveAttributeAsync("data-kind", "Approved");
        await ConsoleUnderTest.ScreenshotAsync(page, "refund-approved");
        await partial.CloseAsync();
        await Expect(recovery.State).ToHaveTextAsync("Partly refunded");

        var rest = await recovery.ReviewRefundAsync("14.02", "Customer cancelled the subscription");
        await Expect(rest.Confirmation).ToContainTextAsync("Refund 14.02 USD");
        await rest.ConfirmImpatientlyAsync();
        await Expect(rest.Result).ToHaveAttributeAsync("data-kind", "Approved");
        await rest.CloseAsync();
        await Expect(recovery.State).ToHaveTextAsync("Refunded");
        await Expect(recovery.RefundButton).ToHaveCountAsync(0);
        await Expect(recovery.Refunds).ToHaveCountAsync(2);
        await ConsoleUnderTest.ScreenshotAsync(page, "recovery-refunded");

        var stored = (await Console.Api.GetFromJsonAsync<JsonObject>($"api/v1/recoveries/{chainId}"))!;
        Assert.Equal([1000L, 1402L], stored["refunds"]!.AsArray().Select(r => (long)r!["amount"]!).Order());

        var audit = new AuditPage(page);
        await audit.OpenAsync(target: chainId);
        await Expect(audit.Rows.Filter(new() { HasText = "refund" })).ToHaveCountAsync(2);
        await Expect(audit.Rows.Filter(new() { HasText = "10.00 USD, reason \"Goodwill for the late delivery\": Approved" })).ToHaveCountAsync(1);
        await Expect(audit.Rows.First).ToContainTextAsync(ConsoleUnderTest.AdminEmail);
        await ConsoleUnderTest.ScreenshotAsync(page, "audit-refunds");
    }

    [Fact]
    public async Task The_recovery_page_reads_well_on_a_phone()
    {
        var chainId = await Console.Api.SubmitAsync(Payloads.DeclinedPayment(amount: 2401, currency: "EUR"));
        var page = await SignedInPageAsync(width: 390, height: 844);
        var recovery = new RecoveryPage(page);

        await recovery.OpenAsync(chainId);
        await Expect(recovery.State).ToHaveTextAsync("Recovered", new() { Timeout = 60_000 });

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone's screen.");
        await ConsoleUnderTest.ScreenshotAsync(page, "recovery-phone");

        // On the list, the filters other than the search fold behind one button so the first recoveries show.
        await page.GotoInteractiveAsync("/recoveries");
        var stateFilter = page.Locator("[data-test=state-filter]");
        await Expect(stateFilter).ToBeHiddenAsync();
        await page.Locator("[data-test=filters-toggle]").ClickAsync();
        await Expect(stateFilter).ToBeVisibleAsync();
        await ConsoleUnderTest.ScreenshotAsync(page, "recoveries-phone-filters");
    }
}

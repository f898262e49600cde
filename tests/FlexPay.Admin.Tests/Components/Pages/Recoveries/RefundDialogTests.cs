using Bunit;
using FlexPay.Admin.Components.Pages.Recoveries;
using FlexPay.Core.Money;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlexPay.Admin.Tests.Components.Pages.Recoveries;

/// <summary>The refund dialog: amounts in the charge's own currency, the guards, the confirmation, one request only.</summary>
public sealed class RefundDialogTests : ComponentTest
{
    private readonly RecordingRefunds _refunds = new();

    public RefundDialogTests()
    {
        Services.AddSingleton<IRefundRequests>(_refunds);
        Services.AddSingleton<IValidator<RefundForm>, RefundFormValidator>();
    }

    [Theory]
    [InlineData(2000, "USD", "12.505", "USD has 2 decimals at most.")]
    [InlineData(1500, "JPY", "12.5", "JPY has no decimals; enter whole units.")]
    [InlineData(1500, "BHD", "1.0001", "BHD has 3 decimals at most.")]
    [InlineData(2000, "USD", "12,50", "Enter an amount such as 12.50")]
    public async Task More_decimals_than_the_currency_has_are_refused(long refundable, string currency, string typed, string message)
    {
        var dialog = await OpenAsync(new MoneyAmount(refundable, currency));

        dialog.Find("[data-test=amount]").Input(typed);
        dialog.Find("[data-test=reason]").Input("Goodwill");
        dialog.Find("button[data-test=review]").Click();

        dialog.WaitForAssertion(() => Assert.Contains(message, dialog.Markup, StringComparison.Ordinal));
        Assert.Empty(dialog.FindAll("[data-test=confirmation]"));
        Assert.Empty(_refunds.Calls);
    }

    [Fact]
    public async Task More_than_the_refundable_amount_is_refused()
    {
        var dialog = await OpenAsync(new MoneyAmount(2000, "USD"));

        dialog.Find("[data-test=amount]").Input("20.01");
        dialog.Find("[data-test=reason]").Input("Goodwill");
        dialog.Find("button[data-test=review]").Click();

        dialog.WaitForAssertion(() => Assert.Contains("At most 20.00 USD can be refunded.", dialog.Markup, StringComparison.Ordinal));
        Assert.Empty(dialog.FindAll("[data-test=confirmation]"));
    }

    [Fact]
    public async Task A_reason_is_required()
    {
        var dialog = await OpenAsync(new MoneyAmount(2000, "USD"));

        dialog.Find("button[data-test=review]").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Say why the charge is refunded.", dialog.Markup, StringComparison.Ordinal));
        Assert.Empty(dialog.FindAll("[data-test=confirmation]"));
    }

    [Fact]
    public async Task Whole_yen_are_accepted_and_confirmed_in_yen()
    {
        var dialog = await OpenAsync(new MoneyAmount(2402, "JPY"));

        dialog.Find("[data-test=amount]").Input("1500");
        dialog.Find("[data-test=reason]").Input("Partial goodwill");
        dialog.Find("button[data-test=review]").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Refund 1,500 JPY to cust-42 (order INV-1001)?", dialog.Find("[data-test=confirmation]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_confirmation_names_amount_and_customer_and_the_confirm_button_is_gone_once_clicked()
    {
        var dialog = await OpenAsync(new MoneyAmount(2402, "USD"));
        dialog.Find("[data-test=amount]").Input("12.50");
        dialog.Find("[data-test=reason]").Input("  Customer asked  ");
        dialog.Find("button[data-test=review]").Click();
        var confirmation = dialog.WaitForElement("[data-test=confirmation]");
        Assert.Equal("Refund 12.50 USD to cust-42 (order INV-1001)?", confirmation.TextContent.Trim());

        // The click waits on FlexPay's answer, so it is awaited only once FlexPay has answered.
        var click = dialog.Find("button[data-test=confirm]").ClickAsync(new());

        dialog.WaitForElement("[data-test=sending]");
        Assert.Empty(dialog.FindAll("button[data-test=confirm]"));
        Assert.Equal([(1250L, "Customer asked")], _refunds.Calls);
        _refunds.Answer(new RefundResult(RefundResultKind.Declined, "FlexPay declined the refund (50131): Unknown original transaction."));
        await click;
        dialog.WaitForAssertion(() =>
        {
            var result = dialog.Find("[data-test=result]");
            Assert.Equal("Declined", result.GetAttribute("data-kind"));
            Assert.Contains("Unknown original transaction.", result.TextContent, StringComparison.Ordinal);
        });
        Assert.Single(_refunds.Calls);
    }

    [Fact]
    public async Task An_unknown_outcome_says_it_is_being_checked()
    {
        var dialog = await OpenAsync(new MoneyAmount(2402, "USD"));
        dialog.Find("[data-test=reason]").Input("Duplicate charge");
        dialog.Find("button[data-test=review]").Click();
        dialog.WaitForElement("button[data-test=confirm]").Click();

        _refunds.Answer(new RefundResult(RefundResultKind.OutcomeUnknown, "FlexPay did not answer in time."));

        dialog.WaitForAssertion(() => Assert.Contains("Outcome unknown, being checked.", dialog.Find("[data-test=result]").TextContent, StringComparison.Ordinal));
        Assert.Equal([(2402L, "Duplicate charge")], _refunds.Calls);
    }

    [Fact]
    public async Task Each_opening_of_the_dialog_sends_its_own_idempotency_key()
    {
        _refunds.Answer(new RefundResult(RefundResultKind.Approved, "FlexPay approved the refund."));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var dialog = await OpenAsync(new MoneyAmount(2402, "USD"));
            dialog.Find("[data-test=reason]").Input("Duplicate charge");
            dialog.Find("button[data-test=review]").Click();
            dialog.WaitForElement("button[data-test=confirm]").Click();
            dialog.WaitForElement("[data-test=result]");
            dialog.Find("button[data-test=close]").Click();
        }

        Assert.Equal(2, _refunds.Keys.Distinct().Count());
        Assert.All(_refunds.Keys, key => Assert.StartsWith("console-", key, StringComparison.Ordinal));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(MoneyAmount refundable)
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<RefundDialog>
        {
            { d => d.ChainId, Guid.NewGuid() },
            { d => d.Refundable, refundable },
            { d => d.CustomerId, "cust-42" },
            { d => d.OrderId, "INV-1001" },
        };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<RefundDialog>("Refund", parameters));
        provider.WaitForElement("button[data-test=review]");
        return provider;
    }

    /// <summary>Records each refund asked for and answers only when the test says so, as a slow FlexPay would.</summary>
    private sealed class RecordingRefunds : IRefundRequests
    {
        private readonly TaskCompletionSource<RefundResult> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(long Amount, string Reason)> Calls { get; } = [];

        public void Answer(RefundResult result) => _answer.SetResult(result);

        /// <summary>The Idempotency-Key of each call.</summary>
        public List<string> Keys { get; } = [];

        public Task<RefundResult> RefundAsync(Guid chainId, long amount, string reason, string idempotencyKey, CancellationToken ct = default)
        {
            Calls.Add((amount, reason));
            Keys.Add(idempotencyKey);
            return _answer.Task;
        }
    }
}

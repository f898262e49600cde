using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Tests.FlexPayApi.Support;

namespace FlexPay.Core.Tests.FlexPayApi.Emulator;

/// <summary>Capture, void, refund and refundedpayment against the emulator's scenarios (flexpay-api.md §2.2–§2.5, §4.7).</summary>
public sealed class EmulatorFollowUpTests : EmulatorTest
{
    [Fact]
    public async Task An_authorization_is_captured_in_part()
    {
        var auth = await ApprovedAsync(Host.Client.AuthorizeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000)));

        var capture = await Host.Client.CaptureAsync(EmulatorHost.Key, auth.TransactionId, FlexPayTestData.FollowUp(600));

        Assert.True(capture.IsApproved);
        Assert.Equal("Capture", capture.Transaction?.TransactionType);
        Assert.Equal(600L, capture.Transaction?.Amount);
        Assert.NotEqual(auth.TransactionId, capture.Transaction?.TransactionId);
        Assert.Equal(auth.OrderId, capture.Transaction?.OrderId);
    }

    [Fact]
    public async Task A_charge_of_7514_is_voided()
    {
        var charge = await ApprovedAsync(Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(7514)));

        var voided = await Host.Client.VoidAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp());

        Assert.True(voided.IsApproved);
        Assert.Equal("Void", voided.Transaction?.TransactionType);
        Assert.Equal(7514L, voided.Transaction?.Amount);
    }

    [Fact]
    public async Task A_charge_of_9000_cannot_be_voided()
    {
        var charge = await ApprovedAsync(Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(9000)));

        var voided = await Host.Client.VoidAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp());

        Assert.Equal(FlexPayOutcome.HardDecline, voided.Outcome);
        Assert.Equal("30013", voided.ResponseCode);
    }

    [Fact]
    public async Task Partial_refunds_are_approved_until_the_charge_is_used_up()
    {
        var charge = await ApprovedAsync(Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(7500)));

        var first = await Host.Client.RefundAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp(4000));
        var second = await Host.Client.RefundAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp(3500));
        var third = await Host.Client.RefundAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp(1));

        Assert.True(first.IsApproved);
        Assert.Equal("Refund", first.Transaction?.TransactionType);
        Assert.True(second.IsApproved);
        Assert.Equal(FlexPayOutcome.HardDecline, third.Outcome);
        Assert.Equal("30015", third.ResponseCode);
    }

    [Fact]
    public async Task A_refund_without_an_amount_refunds_in_full()
    {
        var charge = await ApprovedAsync(Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(9001)));

        var refund = await Host.Client.RefundAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp());

        Assert.True(refund.IsApproved);
        Assert.Equal(9001L, refund.Transaction?.Amount);
    }

    [Fact]
    public async Task A_refunded_payment_is_reported()
    {
        var charge = await ApprovedAsync(Host.Client.ChargeAsync(EmulatorHost.Key, FlexPayTestData.Charge(1000)));

        var reported = await Host.Client.ReportRefundedPaymentAsync(EmulatorHost.Key, charge.TransactionId, FlexPayTestData.FollowUp());

        Assert.True(reported.IsApproved);
        Assert.Equal("10000", reported.ResponseCode);
    }

    [Fact]
    public async Task A_follow_up_of_an_unknown_transaction_is_a_validation_error()
    {
        var refund = await Host.Client.RefundAsync(EmulatorHost.Key, "NOSUCHTRANSACTION00000000", FlexPayTestData.FollowUp(100));

        Assert.Equal(FlexPayOutcome.ValidationError, refund.Outcome);
        Assert.Equal("50131", refund.ResponseCode);
    }

    private static async Task<FlexPayTransaction> ApprovedAsync(Task<TransactionResult> call)
    {
        var result = await call;
        Assert.True(result.IsApproved, $"{result.Outcome} {result.ResponseCode} {result.ErrorMessage}");
        return result.Transaction!;
    }
}

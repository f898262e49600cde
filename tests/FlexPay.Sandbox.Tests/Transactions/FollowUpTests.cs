using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Tests.Transactions;

public sealed class Void_and_refund_scenarios_follow_the_sandbox_guide : SandboxTest
{
    [Fact]
    public async Task Charge_9000_cannot_be_voided_but_can_be_refunded()
    {
        var charge = await ChargeAsync(Build.Charge(9000));

        var voided = await FollowUpAsync(charge.Id(), "void", Build.FollowUp());
        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(9000));

        Assert.Equal("10000", charge.Code());
        Assert.Equal("30013", voided.Code());
        Assert.Equal("10000", refund.Code());
    }

    [Fact]
    public async Task Charge_7514_can_be_voided()
    {
        var charge = await ChargeAsync(Build.Charge(7514));

        var voided = await FollowUpAsync(charge.Id(), "void", Build.FollowUp());

        Assert.Equal("10000", voided.Code());
        Assert.Equal("Void", (string?)voided["transactionType"]);
        Assert.Equal(7514, (long)voided["amount"]!);
        Assert.Null(voided.RetryDate());
    }

    [Fact]
    public async Task Charge_9001_can_be_refunded()
    {
        var charge = await ChargeAsync(Build.Charge(9001));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(9001));

        Assert.Equal("10000", refund.Code());
        Assert.Equal("Refund", (string?)refund["transactionType"]);
        Assert.Equal(charge["orderId"]!.GetValue<string>(), (string?)refund["orderId"]);
    }

    [Fact]
    public async Task Refund_of_amount_0_refunds_everything()
    {
        var charge = await ChargeAsync(Build.Charge(9000));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(0));
        var more = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(1));

        Assert.Equal("10000", refund.Code());
        Assert.Equal(9000, (long)refund["amount"]!);
        Assert.Equal("30015", more.Code());
    }

    [Fact]
    public async Task Refunds_of_4000_then_3500_of_7500_are_approved()
    {
        var charge = await ChargeAsync(Build.Charge(7500));

        var first = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(4000));
        var second = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(3500));

        Assert.Equal("10000", first.Code());
        Assert.Equal("10000", second.Code());
    }

    [Fact]
    public async Task Refund_of_5500_on_5000_is_an_invalid_amount()
    {
        var charge = await ChargeAsync(Build.Charge(5000));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(5500));

        Assert.Equal("30015", refund.Code());
        Assert.Equal(2, refund.Status());
        Assert.Contains("invalid amount", (string?)refund["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(refund.RetryDate());
    }
}

public sealed class Partial_refunds_never_exceed_the_original : SandboxTest
{
    [Fact]
    public async Task The_sum_of_refunds_is_capped_at_the_charge()
    {
        var charge = await ChargeAsync(Build.Charge(7500));

        var a = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(4000));
        var tooMuch = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp(3501));
        var rest = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());
        var none = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());

        Assert.Equal("10000", a.Code());
        Assert.Equal("30015", tooMuch.Code());
        Assert.Equal("10000", rest.Code());
        Assert.Equal(3500, (long)rest["amount"]!);
        Assert.Equal("30015", none.Code());
    }

    [Fact]
    public async Task A_declined_charge_cannot_be_refunded()
    {
        var charge = await ChargeAsync(Build.Charge(2008));

        var refund = await FollowUpAsync(charge.Id(), "refund", Build.FollowUp());

        Assert.NotEqual("10000", refund.Code());
    }
}

public sealed class Authorizations_can_be_captured_once : SandboxTest
{
    [Fact]
    public async Task Capture_without_amount_takes_the_whole_authorization()
    {
        var auth = await AuthorizeAsync(Build.Charge(1234));

        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp());

        Assert.Equal("10000", capture.Code());
        Assert.Equal("Capture", (string?)capture["transactionType"]);
        Assert.Equal(1234, (long)capture["amount"]!);
        Assert.NotEqual(auth.Id(), capture.Id());
        Assert.Equal((string?)auth["orderId"], (string?)capture["orderId"]);
        Assert.Equal((string?)auth["gatewayToken"], (string?)capture["gatewayToken"]);
        Assert.Equal(0, (long)capture["retryCount"]!);
    }

    [Fact]
    public async Task Second_capture_is_declined()
    {
        var auth = await AuthorizeAsync(Build.Charge(1234));
        await FollowUpAsync(auth.Id(), "capture", Build.FollowUp(1000));

        var again = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp(234));

        Assert.Equal("30079", again.Code());
    }

    [Fact]
    public async Task Capture_bumps_the_reference_data_sequence()
    {
        var auth = await AuthorizeAsync(Build.Charge(1234));

        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp());

        var authBytes = Convert.FromBase64String(auth.ReferenceData()!);
        var captureBytes = Convert.FromBase64String(capture.ReferenceData()!);
        Assert.Equal(BitConverter.ToUInt16(authBytes, 2) + 1, BitConverter.ToUInt16(captureBytes, 2));
        Assert.Equal(authBytes[28..], captureBytes[28..]);
    }

    [Fact]
    public async Task Captured_amount_can_be_refunded()
    {
        var auth = await AuthorizeAsync(Build.Charge(1234));
        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp());

        var refund = await FollowUpAsync(capture.Id(), "refund", Build.FollowUp());
        var refundAuth = await FollowUpAsync(auth.Id(), "refund", Build.FollowUp());

        Assert.Equal("10000", refund.Code());
        Assert.NotEqual("10000", refundAuth.Code());
    }

    [Fact]
    public async Task Authorization_can_be_voided_and_then_not_captured()
    {
        var auth = await AuthorizeAsync(Build.Charge(1234));

        var voided = await FollowUpAsync(auth.Id(), "void", Build.FollowUp());
        var capture = await FollowUpAsync(auth.Id(), "capture", Build.FollowUp());

        Assert.Equal("10000", voided.Code());
        Assert.NotEqual("10000", capture.Code());
    }
}

public sealed class Refunded_payment_stops_recovery : SandboxTest
{
    [Fact]
    public async Task After_refunded_payment_the_chain_accepts_no_retry()
    {
        var request = Build.Charge(2008);
        var declined = await ChargeAsync(request);

        var stop = await FollowUpAsync(declined.Id(), "refundedpayment", Build.FollowUp());
        var retry = await ChargeAsync(Build.Retry(request, stop));

        Assert.Equal("10000", stop.Code());
        Assert.Equal("30100", retry.Code());
        Assert.Null(retry.RetryDate());
    }
}

using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

/// <summary>
/// A retry held back for something outside the customer (a gateway that takes no charges, an account key to enter
/// again) waits with its retryCount and referenceData; it is never failed, and never counted as a decline.
/// </summary>
public sealed class WaitingTests
{
    private static readonly DateTimeOffset RetryDate = Now.AddHours(6);

    [Fact]
    public void A_due_attempt_held_back_waits_and_goes_on_due_at_once_with_the_same_retry()
    {
        var chain = OpenChain();
        var next = chain.Answer(SoftDecline(RetryDate, referenceData: "ref-7"))!;

        chain.Wait(next.Id, WaitReasons.Gateway("MID-EU-EUR"), RetryDate);

        Assert.Equal(ChainState.Waiting, chain.State);
        Assert.Equal(AttemptStatus.Waiting, next.Status);
        Assert.Null(chain.NextAttemptDueAt);
        Assert.Contains("MID-EU-EUR", chain.StateReason, StringComparison.Ordinal);

        var later = RetryDate.AddHours(2);
        var released = chain.GoOn(later);
        Assert.Same(next, released);
        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal(AttemptStatus.Scheduled, released.Status);
        Assert.Equal(later, released.DueAt);
        Assert.Equal((1, "ref-7"), (released.RetryCount, released.ReferenceDataSent));
    }

    [Fact]
    public void Going_on_before_the_attempts_own_instant_keeps_that_instant()
    {
        var chain = OpenChain();
        var next = chain.Answer(SoftDecline(RetryDate))!;
        chain.Wait(next.Id, WaitReasons.AccountKey("default"), Now);

        Assert.Equal(RetryDate, chain.GoOn(Now.AddMinutes(5)).DueAt);
    }

    [Fact]
    public void FlexPays_50156_makes_the_same_retry_wait_as_a_new_attempt_and_is_no_decline()
    {
        var chain = OpenChain();
        var declined = chain.Answer(SoftDecline(RetryDate, referenceData: "ref-3", assignedGateway: "GW-OFF"))!;
        chain.ClaimAttempt(declined.Id, RetryDate);

        var next = chain.RecordAnswer(declined.Id, Declined(FlexPayOutcome.ValidationError, FlexPayCodes.GatewayNotTakingCharges), RetryDate);

        Assert.Null(next);
        Assert.Equal(ChainState.Waiting, chain.State);
        Assert.Null(chain.Failure);
        Assert.Equal(AttemptStatus.Rejected, declined.Status);
        var held = chain.Attempts[^1];
        Assert.Equal(AttemptStatus.Waiting, held.Status);
        Assert.Equal((declined.RetryCount, "ref-3", "GW-OFF"), (held.RetryCount, held.ReferenceDataSent, held.GatewayTokenSent));
        Assert.NotEqual(declined.MerchantTransactionId, held.MerchantTransactionId);
        Assert.DoesNotContain(chain.Attempts, a => a.Status == AttemptStatus.Declined && a.ResponseCode == FlexPayCodes.GatewayNotTakingCharges);
    }

    [Fact]
    public void Moving_a_waiting_recovery_sends_it_through_the_new_gateway_at_once_and_pins_it()
    {
        var chain = OpenChain(pinnedGateway: "GW-OFF");
        var first = chain.OpenAttempt!;
        chain.Wait(first.Id, WaitReasons.Gateway("Off"), Now);

        var moved = chain.MoveToGateway("GW-ON", Now.AddMinutes(1));

        Assert.Same(first, moved);
        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal(("GW-ON", "GW-ON"), (moved.GatewayTokenSent, chain.PinnedGatewayToken));
        Assert.Equal(Now.AddMinutes(1), moved.DueAt);
    }

    [Fact]
    public void Moving_a_scheduled_recovery_keeps_its_due_time()
    {
        var chain = OpenChain();
        var next = chain.Answer(SoftDecline(RetryDate))!;

        chain.MoveToGateway("GW-ON", Now);

        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal((RetryDate, "GW-ON"), (next.DueAt, next.GatewayTokenSent));
    }

    [Fact]
    public void A_recovery_in_flight_or_ended_cannot_wait_nor_move()
    {
        var chain = OpenChain();
        var sending = chain.ClaimOpenAttempt();

        Assert.Throws<RecoveryRuleException>(() => chain.Wait(sending.Id, "reason", Now));
        Assert.Throws<RecoveryRuleException>(() => chain.MoveToGateway("GW-ON", Now));
        Assert.Throws<RecoveryRuleException>(() => chain.GoOn(Now));

        chain.RecordAnswer(sending.Id, Approved(), Now);
        Assert.Throws<RecoveryRuleException>(() => chain.MoveToGateway("GW-ON", Now));
    }

    [Fact]
    public void A_waiting_recovery_can_be_cancelled()
    {
        var chain = OpenChain();
        chain.Wait(chain.OpenAttempt!.Id, WaitReasons.Gateway("Off"), Now);

        chain.Cancel("ops@flexpay.test", "Customer asked to stop", Now);

        Assert.Equal(ChainState.Cancelled, chain.State);
        Assert.Equal(AttemptStatus.Cancelled, chain.Attempts[0].Status);
    }
}

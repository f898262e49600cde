using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class SoftDeclineSchedulingTests
{
    [Fact]
    public void Soft_decline_with_retry_date_schedules_the_next_attempt_at_exactly_that_instant()
    {
        var chain = OpenChain();
        var retryDate = new DateTimeOffset(2026, 11, 24, 0, 0, 0, 123, TimeSpan.Zero).AddTicks(4567);

        var next = chain.Answer(SoftDecline(retryDate, "ref-A"));

        Assert.NotNull(next);
        Assert.Equal(retryDate, next.DueAt);
        Assert.Equal(retryDate, next.FlexPayRetryDate);
        Assert.Equal(1, next.RetryCount);
        Assert.Equal("ref-A", next.ReferenceDataSent);
        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal(retryDate, chain.NextAttemptDueAt);
    }

    [Fact]
    public void Three_attempts_daisy_chain_the_latest_reference_data_with_counts_0_1_2()
    {
        var chain = OpenChain();
        chain.Answer(SoftDecline(Now.AddDays(1), "ref-from-attempt-0"));
        chain.Answer(SoftDecline(Now.AddDays(2), "ref-from-attempt-1"));

        Assert.Equal([0, 1, 2], chain.Attempts.Select(a => a.RetryCount));
        Assert.Equal([null, "ref-from-attempt-0", "ref-from-attempt-1"], chain.Attempts.Select(a => a.ReferenceDataSent));
    }

    [Fact]
    public void A_retry_is_sent_to_the_gateway_flexpay_assigned()
    {
        var chain = OpenChain();

        var next = chain.Answer(SoftDecline(Now.AddDays(1), assignedGateway: "GW-NEXT"));

        Assert.Equal("GW-NEXT", next!.GatewayTokenSent);
    }

    [Fact]
    public void A_pinned_gateway_wins_over_the_assigned_one()
    {
        var chain = OpenChain(pinnedGateway: "GW-PINNED");

        var next = chain.Answer(SoftDecline(Now.AddDays(1), assignedGateway: "GW-OTHER"));

        Assert.Equal("GW-PINNED", chain.Attempts[0].GatewayTokenSent);
        Assert.Equal("GW-PINNED", next!.GatewayTokenSent);
    }

    [Fact]
    public void An_attempt_is_never_claimed_before_its_due_time()
    {
        var chain = OpenChain();
        var next = chain.Answer(SoftDecline(Now.AddDays(1)))!;

        var ex = Assert.Throws<RecoveryRuleException>(() => chain.ClaimAttempt(next.Id, next.DueAt.AddTicks(-1)));

        Assert.Contains("must not be sent", ex.Message);
        Assert.Equal(AttemptStatus.Scheduled, next.Status);
    }

    [Fact]
    public void An_attempt_cannot_be_claimed_twice()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();

        Assert.Throws<RecoveryRuleException>(() => chain.ClaimAttempt(attempt.Id, Now.AddSeconds(1)));
        Assert.Equal(1, attempt.SendCount);
    }

    [Fact]
    public void Lateness_is_the_send_time_minus_the_due_time()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt(Now.AddMilliseconds(37));

        Assert.Equal(TimeSpan.FromMilliseconds(37), attempt.Lateness);
    }
}

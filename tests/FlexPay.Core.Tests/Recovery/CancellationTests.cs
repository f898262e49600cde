using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class CancellationTests
{
    [Fact]
    public void Staff_can_cancel_a_scheduled_chain_and_its_attempt_is_then_never_claimed()
    {
        var chain = OpenChain();
        var next = chain.Answer(SoftDecline(Now.AddDays(1)))!;

        chain.Cancel("ops@example.com", "Customer asked", Now);

        Assert.Equal(ChainState.Cancelled, chain.State);
        Assert.Equal(AttemptStatus.Cancelled, next.Status);
        Assert.Null(chain.NextAttemptDueAt);
        Assert.Throws<RecoveryRuleException>(() => chain.ClaimAttempt(next.Id, next.DueAt));
    }

    [Fact]
    public void A_chain_cannot_be_cancelled_while_an_attempt_is_in_flight()
    {
        var chain = OpenChain();
        chain.ClaimOpenAttempt();

        var ex = Assert.Throws<RecoveryRuleException>(() => chain.Cancel("ops", "why", Now));

        Assert.Contains("being sent", ex.Message);
        Assert.Equal(ChainState.Sending, chain.State);
    }

    [Fact]
    public void A_chain_whose_outcome_is_unknown_cannot_be_cancelled()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();
        chain.MarkOutcomeUnknown(attempt.Id, "timeout", Now, Now);

        Assert.Throws<RecoveryRuleException>(() => chain.Cancel("ops", "why", Now));
    }

    [Fact]
    public void A_recovered_chain_cannot_be_cancelled() =>
        Assert.Throws<RecoveryRuleException>(() => RecoveredChain().Cancel("ops", "why", Now));
}

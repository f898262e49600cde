using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class OutcomeUnknownTests
{
    [Fact]
    public void An_unknown_outcome_is_resent_under_the_same_merchant_transaction_id()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();
        chain.MarkOutcomeUnknown(attempt.Id, "timeout", Now, Now);
        Assert.Equal(ChainState.OutcomeUnknown, chain.State);

        var resent = chain.Resend(attempt.Id, Now.AddSeconds(5));

        Assert.Same(attempt, resent);
        Assert.Equal(2, resent.SendCount);
        Assert.Equal(Now, resent.SentAt);
        Assert.Single(chain.Attempts);
        Assert.Equal(ChainState.Sending, chain.State);
    }

    [Fact]
    public void A_reconciled_answer_continues_the_chain()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();
        chain.MarkOutcomeUnknown(attempt.Id, "connection dropped", Now, Now);

        var next = chain.RecordAnswer(attempt.Id, SoftDecline(Now.AddDays(1), "ref-reconciled"), Now);

        Assert.Equal("ref-reconciled", next!.ReferenceDataSent);
    }

    [Fact]
    public void Only_an_unknown_outcome_can_be_resent()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();

        Assert.Throws<RecoveryRuleException>(() => chain.Resend(attempt.Id, Now));
    }
}

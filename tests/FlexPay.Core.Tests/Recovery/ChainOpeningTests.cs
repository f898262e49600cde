using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class ChainOpeningTests
{
    [Fact]
    public void A_payment_not_yet_tried_starts_with_retry_count_0_and_no_reference_data()
    {
        var chain = RecoveryChain.Open(NewChain(), Now, Now);

        var attempt = Assert.Single(chain.Attempts);
        Assert.Equal(0, attempt.RetryCount);
        Assert.Null(attempt.ReferenceDataSent);
        Assert.Equal(ChainState.Scheduled, chain.State);
        Assert.Equal(Now, chain.NextAttemptDueAt);
    }

    [Fact]
    public void A_payment_declined_by_the_merchants_gateway_starts_at_retry_count_1()
    {
        var declinedAt = Now.AddHours(-2);
        var chain = RecoveryChain.Open(NewChain(initialDecline: new InitialDecline(declinedAt, "05", "Do not honor")), Now.AddHours(22), Now);

        var attempt = Assert.Single(chain.Attempts);
        Assert.Equal(1, attempt.RetryCount);
        Assert.Equal(Now.AddHours(22), attempt.DueAt);
        Assert.Equal(declinedAt, chain.DateFirstAttempt);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_chain_refuses_an_amount_that_is_not_positive(long amount) =>
        Assert.Throws<RecoveryRuleException>(() => RecoveryChain.Open(NewChain(amount), Now, Now));

    [Fact]
    public void Every_attempt_gets_its_own_merchant_transaction_id()
    {
        var chain = OpenChain();
        chain.Answer(SoftDecline(Now.AddDays(1), "ref-1"));
        chain.Answer(SoftDecline(Now.AddDays(2), "ref-2"));

        Assert.Equal(3, chain.Attempts.Select(a => a.MerchantTransactionId).Distinct().Count());
    }
}

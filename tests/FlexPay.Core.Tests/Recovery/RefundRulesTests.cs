using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class RefundRulesTests
{
    [Fact]
    public void Partial_refunds_add_up_to_the_charge_and_then_the_chain_is_refunded()
    {
        var chain = RecoveredChain(amount: 7500);

        var first = chain.RequestRefund(4000, "Partial goodwill", "finance@example.com", Now);
        chain.RecordRefundAnswer(first.Id, Approved("RF-1"), Now);
        Assert.Equal(ChainState.PartlyRefunded, chain.State);
        Assert.Equal(3500, chain.RefundableAmount);

        var rest = chain.RequestRefund(null, "Rest", "finance@example.com", Now);
        Assert.Equal(3500, rest.Amount);
        chain.RecordRefundAnswer(rest.Id, Approved("RF-2"), Now);

        Assert.Equal(ChainState.Refunded, chain.State);
        Assert.Equal(7500, chain.RefundedAmount);
        Assert.Equal(0, chain.RefundableAmount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(7501)]
    public void A_refund_must_be_positive_and_at_most_what_remains(long amount)
    {
        var chain = RecoveredChain(amount: 7500);

        Assert.Throws<RecoveryRuleException>(() => chain.RequestRefund(amount, "reason", "finance", Now));
        Assert.Empty(chain.Refunds);
    }

    [Fact]
    public void A_second_refund_waits_until_the_first_is_answered()
    {
        var chain = RecoveredChain();
        chain.RequestRefund(100, "one", "finance", Now);

        var ex = Assert.Throws<RecoveryRuleException>(() => chain.RequestRefund(100, "double click", "finance", Now));

        Assert.Contains("still waiting", ex.Message);
        Assert.Single(chain.Refunds);
    }

    [Fact]
    public void A_declined_refund_releases_its_amount()
    {
        var chain = RecoveredChain(amount: 5000);
        var refund = chain.RequestRefund(5000, "reason", "finance", Now);

        chain.RecordRefundAnswer(refund.Id, Declined(FlexPayOutcome.HardDecline, "30015"), Now);

        Assert.Equal(RefundStatus.Declined, refund.Status);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.Equal(5000, chain.RefundableAmount);
    }

    [Fact]
    public void Only_a_recovered_charge_can_be_refunded() =>
        Assert.Throws<RecoveryRuleException>(() => OpenChain().RequestRefund(null, "reason", "finance", Now));

    [Fact]
    public void A_refund_needs_a_reason() =>
        Assert.Throws<RecoveryRuleException>(() => RecoveredChain().RequestRefund(null, "  ", "finance", Now));

    [Fact]
    public void Refunds_get_their_own_merchant_transaction_ids()
    {
        var chain = RecoveredChain(amount: 7500);
        var first = chain.RequestRefund(100, "one", "finance", Now);
        chain.RecordRefundAnswer(first.Id, Approved("RF-1"), Now);
        var second = chain.RequestRefund(100, "two", "finance", Now);

        Assert.NotEqual(first.MerchantTransactionId, second.MerchantTransactionId);
        Assert.DoesNotContain(second.MerchantTransactionId, chain.Attempts.Select(a => a.MerchantTransactionId));
    }
}

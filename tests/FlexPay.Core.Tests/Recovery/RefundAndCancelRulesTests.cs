using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

/// <summary>A refund or a cancel says why, in plain text of bounded length, at every way in and in the aggregate itself.</summary>
public sealed class RefundAndCancelRulesTests
{
    private readonly RefundRequestValidator _refunds = new();
    private readonly CancelRequestValidator _cancels = new();

    public static TheoryData<string?> BadReasons => new()
    {
        null, "", "   ", new string('r', 501), "Goodwill\u202E", "Good\u200Bwill", "Goodwill\u0000", "\u2066Goodwill\u2069", "<b>Goodwill</b>",
    };

    [Theory]
    [MemberData(nameof(BadReasons))]
    public void A_refund_without_a_plain_reason_of_at_most_500_characters_is_refused_by_name(string? reason)
    {
        Assert.Equal(["Reason"], _refunds.Validate(new RefundRequest(500, reason)).ToDictionary().Keys);
        Assert.Equal(["Reason"], _cancels.Validate(new CancelRequest(reason)).ToDictionary().Keys);
    }

    [Theory]
    [InlineData("Goodwill")]
    [InlineData("Client a demandé un geste commercial (50 %)")]
    public void A_plain_reason_is_taken(string reason)
    {
        Assert.True(_refunds.Validate(new RefundRequest(null, reason + new string(' ', 3))).IsValid);
        Assert.True(_refunds.Validate(new RefundRequest(1, new string('r', 500))).IsValid);
        Assert.True(_cancels.Validate(new CancelRequest(reason)).IsValid);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void A_refund_of_nothing_is_refused_by_name(long amount) =>
        Assert.Equal(["Amount"], _refunds.Validate(new RefundRequest(amount, "Goodwill")).ToDictionary().Keys);

    [Theory]
    [InlineData("Goodwill\u202E")]
    [InlineData("")]
    public void The_chain_itself_refuses_a_reason_the_validators_would_have(string reason)
    {
        var chain = RecoveredChain();
        Assert.Throws<RecoveryRuleException>(() => chain.RequestRefund(100, reason, "finance@flexpay.test", Now));
        Assert.Empty(chain.Refunds);

        var scheduled = OpenChain();
        Assert.Throws<RecoveryRuleException>(() => scheduled.Cancel("finance@flexpay.test", new string('r', 501), Now));
        Assert.Equal(ChainState.Scheduled, scheduled.State);
    }
}

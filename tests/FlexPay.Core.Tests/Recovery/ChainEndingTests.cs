using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Recovery;
using static FlexPay.Core.Tests.Recovery.Builders;

namespace FlexPay.Core.Tests.Recovery;

public class ChainEndingTests
{
    [Fact]
    public void Approval_recovers_the_chain_and_keeps_the_transaction_for_refunds()
    {
        var chain = OpenChain();
        chain.Answer(SoftDecline(Now.AddDays(1)));

        var next = chain.Answer(Approved("TX-RECOVERED"));

        Assert.Null(next);
        Assert.Equal(ChainState.Recovered, chain.State);
        Assert.Equal("TX-RECOVERED", chain.RecoveredTransactionId);
        Assert.Null(chain.NextAttemptDueAt);
        Assert.Null(chain.OpenAttempt);
    }

    [Theory]
    [InlineData(FlexPayOutcome.HardDecline, "30011")]
    [InlineData(FlexPayOutcome.RiskDecline, "40000")]
    [InlineData(FlexPayOutcome.ValidationError, "50000")]
    public void Hard_risk_and_validation_declines_end_the_chain_without_a_retry(FlexPayOutcome outcome, string code)
    {
        var chain = OpenChain();

        var next = chain.Answer(Declined(outcome, code));

        Assert.Null(next);
        Assert.Equal(ChainState.Failed, chain.State);
        Assert.Equal(ChainFailure.HardDecline, chain.Failure);
        Assert.Single(chain.Attempts);
    }

    [Fact]
    public void A_decline_without_a_retry_date_is_never_retried_whatever_its_code()
    {
        var chain = OpenChain();

        chain.Answer(Declined(FlexPayOutcome.DeclinedWithoutRetryDate, "20003"));

        Assert.Equal(ChainState.Failed, chain.State);
        Assert.Equal(ChainFailure.DeclinedWithoutRetryDate, chain.Failure);
        Assert.Single(chain.Attempts);
    }

    [Fact]
    public void FlexPays_retry_limit_code_ends_the_chain_as_limit_reached()
    {
        var chain = OpenChain();

        chain.Answer(Declined(FlexPayOutcome.HardDecline, "30100"));

        Assert.Equal(ChainFailure.RetryLimitReached, chain.Failure);
    }

    [Fact]
    public void No_more_than_fifteen_retries_are_scheduled()
    {
        var chain = OpenChain();
        for (var i = 0; i < RecoveryLimits.MaxRetryCount; i++)
        {
            Assert.NotNull(chain.Answer(SoftDecline(Now.AddHours(i + 1), $"ref-{i}")));
        }

        var next = chain.Answer(SoftDecline(Now.AddHours(20), "ref-last"));

        Assert.Null(next);
        Assert.Equal(ChainFailure.RetryLimitReached, chain.Failure);
        Assert.Equal(RecoveryLimits.MaxRetryCount, chain.Attempts.Max(a => a.RetryCount));
    }

    [Fact]
    public void A_retry_date_past_thirty_days_from_the_first_attempt_is_not_scheduled()
    {
        var chain = OpenChain();

        var next = chain.Answer(SoftDecline(chain.DateFirstAttempt + RecoveryLimits.MaxChainDuration + TimeSpan.FromSeconds(1)));

        Assert.Null(next);
        Assert.Equal(ChainFailure.RetryLimitReached, chain.Failure);
    }

    [Theory]
    [InlineData(FlexPayOutcome.AuthenticationFailed)]
    [InlineData(FlexPayOutcome.BadRequest)]
    public void A_request_flexpay_refused_suspends_the_chain_until_staff_resume_it(FlexPayOutcome outcome)
    {
        var chain = OpenChain();
        chain.Answer(SoftDecline(Now.AddDays(1), "ref-keep"));
        var rejected = chain.Answer(new TransactionResult { Outcome = outcome, ErrorMessage = "Unauthorized" });
        Assert.Null(rejected);
        Assert.Equal(ChainState.Suspended, chain.State);

        var resumed = chain.Resume(Now.AddHours(1));

        Assert.Equal(1, resumed.RetryCount);
        Assert.Equal("ref-keep", resumed.ReferenceDataSent);
        Assert.NotEqual(chain.Attempts[1].MerchantTransactionId, resumed.MerchantTransactionId);
        Assert.Equal(ChainState.Scheduled, chain.State);
    }

    [Fact]
    public void An_unknown_outcome_is_not_an_answer()
    {
        var chain = OpenChain();
        var attempt = chain.ClaimOpenAttempt();

        Assert.Throws<RecoveryRuleException>(() => chain.RecordAnswer(attempt.Id, new TransactionResult { Outcome = FlexPayOutcome.OutcomeUnknown }, Now));
    }
}

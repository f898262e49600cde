using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Recovery;

namespace FlexPay.Admin.Tests;

/// <summary>Recovery chains in the states the screens show, made through the aggregate's own verbs.</summary>
internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A chain whose first attempt is due at <paramref name="dueAt"/> (default <see cref="Now"/>).</summary>
    public static RecoveryChain ScheduledChain(long amount = 2008, string currency = "USD", DateTimeOffset? dueAt = null) =>
        RecoveryChain.Open(
            new NewChain
            {
                ExternalId = "ext-" + Guid.NewGuid().ToString("N"),
                Company = "default",
                OrderId = "INV-" + Guid.NewGuid().ToString("N")[..6],
                CustomerId = "cust-1",
                Amount = amount,
                CurrencyCode = currency,
                Instrument = new PaymentInstrument { PaymentMethodId = "PM0000000000000000000000001", LastFourDigits = "9560" },
            },
            dueAt ?? Now,
            Now);

    public static RecoveryChain RecoveredChain(long amount, string currency, long refunded = 0)
    {
        var chain = Answer(ScheduledChain(amount, currency), Result(FlexPayOutcome.Approved, new FlexPayTransaction
        {
            ResponseCode = "10000",
            Message = "Approved.",
            TransactionId = "TX-" + Guid.NewGuid().ToString("N"),
        }));
        if (refunded > 0)
        {
            var refund = chain.RequestRefund(refunded, "Goodwill", "finance@flexpay.test", Now);
            chain.RecordRefundAnswer(refund.Id, Result(FlexPayOutcome.Approved, new FlexPayTransaction { TransactionId = "TX-R-" + Guid.NewGuid().ToString("N") }), Now);
        }
        return chain;
    }

    public static RecoveryChain FailedChain(long amount = 2008, string currency = "USD") =>
        Answer(ScheduledChain(amount, currency), Result(FlexPayOutcome.HardDecline, new FlexPayTransaction { ResponseCode = "30001", Message = "Stolen card." }));

    /// <summary>
    /// Retry 1 declined with referenceData "ref-A" and a retry date, retry 2 sent <paramref name="secondLateBy"/> after
    /// its due time carrying "ref-A" and declined with "ref-B", retry 3 scheduled carrying "ref-B".
    /// </summary>
    public static RecoveryChain DaisyChain(TimeSpan secondLateBy)
    {
        var chain = ScheduledChain();
        var first = chain.ClaimAttempt(chain.OpenAttempt!.Id, Now);
        var retryDate = Now.AddMinutes(5);
        var second = chain.RecordAnswer(first.Id, SoftDecline("ref-A", retryDate), Now)!;
        chain.ClaimAttempt(second.Id, retryDate + secondLateBy);
        chain.RecordAnswer(second.Id, SoftDecline("ref-B", retryDate.AddMinutes(5)), retryDate + secondLateBy);
        return chain;
    }

    /// <summary>What the client returns for an HTTP 200 carrying <paramref name="transaction"/>.</summary>
    public static TransactionResult Result(FlexPayOutcome outcome, FlexPayTransaction transaction) =>
        new() { Outcome = outcome, Transaction = transaction, HttpStatus = 200 };

    private static TransactionResult SoftDecline(string referenceData, DateTimeOffset retryDate) =>
        Result(FlexPayOutcome.SoftDeclineWithRetryDate, new FlexPayTransaction
        {
            ResponseCode = "20003",
            Message = "Declined - do not honor.",
            TransactionId = "TX-" + Guid.NewGuid().ToString("N"),
            ReferenceData = referenceData,
            RetryDate = retryDate,
            GatewayToken = "GW-1",
        });

    private static RecoveryChain Answer(RecoveryChain chain, TransactionResult answer)
    {
        var attempt = chain.ClaimAttempt(chain.OpenAttempt!.Id, Now);
        chain.RecordAnswer(attempt.Id, answer, Now);
        return chain;
    }
}

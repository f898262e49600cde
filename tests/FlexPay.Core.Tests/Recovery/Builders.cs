using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Recovery;

namespace FlexPay.Core.Tests.Recovery;

internal static class Builders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static NewChain NewChain(
        long amount = 2008, string currency = "USD", InitialDecline? initialDecline = null, string? pinnedGateway = null) => new()
    {
        ExternalId = "ext-" + Guid.NewGuid().ToString("N"),
        Company = "default",
        OrderId = "INV-1001",
        CustomerId = "cust-1",
        Email = "jane@example.com",
        Amount = amount,
        CurrencyCode = currency,
        Instrument = new PaymentInstrument { PaymentMethodId = "PM0000000000000000000000001", LastFourDigits = "9560" },
        PinnedGatewayToken = pinnedGateway,
        InitialDecline = initialDecline,
    };

    /// <summary>A chain whose first attempt (retryCount 0) is due now.</summary>
    public static RecoveryChain OpenChain(long amount = 2008, string currency = "USD", string? pinnedGateway = null) =>
        RecoveryChain.Open(NewChain(amount, currency, pinnedGateway: pinnedGateway), Now, Now);

    public static RecoveryAttempt ClaimOpenAttempt(this RecoveryChain chain, DateTimeOffset? at = null)
    {
        var attempt = chain.OpenAttempt!;
        return chain.ClaimAttempt(attempt.Id, at ?? attempt.DueAt);
    }

    /// <summary>Claims the open attempt at its due time and records <paramref name="answer"/>, arriving at <see cref="Now"/>.</summary>
    public static RecoveryAttempt? Answer(this RecoveryChain chain, TransactionResult answer)
    {
        var attempt = chain.ClaimOpenAttempt();
        return chain.RecordAnswer(attempt.Id, answer, Now);
    }

    public static TransactionResult SoftDecline(DateTimeOffset retryDate, string referenceData = "ref-1", string assignedGateway = "GW-ASSIGNED") =>
        Result(FlexPayOutcome.SoftDeclineWithRetryDate, new FlexPayTransaction
        {
            ResponseCode = "20003",
            Message = "Declined - do not honor.",
            RetryDate = retryDate,
            ReferenceData = referenceData,
            TransactionId = "TX-" + referenceData,
            GatewayToken = assignedGateway,
            AssignedGatewayToken = assignedGateway,
        });

    public static TransactionResult Approved(string transactionId = "TX-APPROVED") =>
        Result(FlexPayOutcome.Approved, new FlexPayTransaction { ResponseCode = "10000", Message = "Approved.", TransactionId = transactionId, ReferenceData = "ref-final" });

    public static TransactionResult Declined(FlexPayOutcome outcome, string code) =>
        Result(outcome, new FlexPayTransaction { ResponseCode = code, Message = "Declined.", TransactionId = "TX-" + code });

    /// <summary>What the client returns for an HTTP 200 carrying <paramref name="transaction"/>.</summary>
    public static TransactionResult Result(FlexPayOutcome outcome, FlexPayTransaction transaction) =>
        new() { Outcome = outcome, Transaction = transaction, HttpStatus = 200 };

    public static RecoveryChain RecoveredChain(long amount = 7500, string currency = "USD")
    {
        var chain = OpenChain(amount, currency);
        chain.Answer(Approved());
        return chain;
    }
}

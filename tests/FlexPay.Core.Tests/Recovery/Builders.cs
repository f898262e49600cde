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

    /// <summary>Claims the open attempt at its due time and records <paramref name="answer"/>.</summary>
    public static RecoveryAttempt? Answer(this RecoveryChain chain, AttemptAnswer answer)
    {
        var attempt = chain.ClaimOpenAttempt();
        return chain.RecordAnswer(attempt.Id, answer, answer.AnsweredAt);
    }

    public static AttemptAnswer SoftDecline(DateTimeOffset retryDate, string referenceData = "ref-1", string assignedGateway = "GW-ASSIGNED") =>
        new(FlexPayOutcome.SoftDeclineWithRetryDate, Now)
        {
            ResponseCode = "20003",
            Message = "Declined - do not honor.",
            RetryDate = retryDate,
            ReferenceData = referenceData,
            TransactionId = "TX-" + referenceData,
            GatewayToken = assignedGateway,
            AssignedGatewayToken = assignedGateway,
        };

    public static AttemptAnswer Approved(string transactionId = "TX-APPROVED") =>
        new(FlexPayOutcome.Approved, Now) { ResponseCode = "10000", Message = "Approved.", TransactionId = transactionId, ReferenceData = "ref-final" };

    public static AttemptAnswer Declined(FlexPayOutcome outcome, string code) =>
        new(outcome, Now) { ResponseCode = code, Message = "Declined.", TransactionId = "TX-" + code };

    public static RecoveryChain RecoveredChain(long amount = 7500, string currency = "USD")
    {
        var chain = OpenChain(amount, currency);
        chain.Answer(Approved());
        return chain;
    }
}

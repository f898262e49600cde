using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Recovery;

/// <summary>Builds the FlexPay charge for an attempt, following the guide's payment logic.</summary>
internal static class ChargeRequests
{
    public static ChargeRequest For(RecoveryChain chain, RecoveryAttempt attempt) => new()
    {
        MerchantTransactionId = attempt.MerchantTransactionId,
        OrderId = chain.OrderId,
        Amount = chain.Amount,
        CurrencyCode = chain.CurrencyCode,
        RetryCount = attempt.RetryCount,
        ReferenceData = attempt.ReferenceDataSent,
        GatewayToken = attempt.GatewayTokenSent,
        CustomerId = chain.CustomerId,
        Description = chain.Description,
        DateFirstAttempt = chain.DateFirstAttempt,
        PaymentModel = "subscription",
        PaymentMethodId = chain.Instrument.PaymentMethodId,
        GatewayCard = chain.Instrument.GatewayPaymentMethodId is { } gatewayPaymentMethodId
            ? new GatewayStoredCard
            {
                GatewayPaymentMethodId = gatewayPaymentMethodId,
                FirstSixDigits = chain.Instrument.FirstSixDigits,
                LastFourDigits = chain.Instrument.LastFourDigits,
                Email = chain.Email,
            }
            : null,
        PreviousTransaction = chain.InitialDeclineCode is null
            ? null
            : new PreviousTransactionReference
            {
                GatewayCode = chain.InitialDeclineCode,
                GatewayMessage = chain.InitialDeclineMessage,
                TransactionDate = chain.DateFirstAttempt,
            },
    };
}

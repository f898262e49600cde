using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

internal static class TokenRecording
{
    public static void Record(this CertificationStep step, string label, RecoveryChain chain, RecoveryAttempt attempt) =>
        step.Record(new CertificationToken(
            label, attempt.MerchantTransactionId, attempt.TransactionId, attempt.GatewayTokenUsed, attempt.ResponseCode, attempt.RetryCount, chain.CurrencyCode));

    public static bool IsAnswered(this RecoveryAttempt attempt) => attempt.AnsweredAt is not null;
}

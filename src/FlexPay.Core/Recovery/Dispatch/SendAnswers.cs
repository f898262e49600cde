using FlexPay.Core.FlexPayApi;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// What FlexPay's answer to a send does to its chain, said once for the single and the batched path: an answer
/// that may hide a charge leaves the attempt OutcomeUnknown (checked by merchantTransactionId before anything is
/// resent), any other is recorded.
/// </summary>
internal static class SendAnswers
{
    /// <summary>Applies <paramref name="result"/> to the tracked chain; the caller saves and arms what is returned.</summary>
    public static AppliedAnswer Apply(RecoveryChain chain, RecoveryAttempt attempt, TransactionResult result, DateTimeOffset answeredAt, TimeSpan maxReconcileInterval)
    {
        if (result.MayHaveMovedMoney || result.Outcome is FlexPayOutcome.Unreachable || IsDuplicateOfEarlierSend(result, attempt))
        {
            var checkAt = ReconcileBackoff.Next(attempt.SentAt, answeredAt, maxReconcileInterval);
            chain.MarkOutcomeUnknown(attempt.Id, DescribeUnknown(result), answeredAt, checkAt);
            return new AppliedAnswer(null, checkAt);
        }
        return new AppliedAnswer(chain.RecordAnswer(attempt.Id, result, answeredAt), null);
    }

    private static bool IsDuplicateOfEarlierSend(TransactionResult result, RecoveryAttempt attempt) =>
        result.ResponseCode == FlexPayCodes.DuplicateMerchantTransactionId && attempt.SendCount > 1;

    private static string DescribeUnknown(TransactionResult result) =>
        result.ResponseCode == FlexPayCodes.DuplicateMerchantTransactionId
            ? "FlexPay already has this merchantTransactionId from an earlier send; reading its outcome."
            : $"No answer from FlexPay ({result.Outcome}); checking whether the charge was made before anything is resent.";
}

/// <summary>The chain's next attempt, if the answer scheduled one, or when to check an unknown outcome.</summary>
internal readonly record struct AppliedAnswer(RecoveryAttempt? Next, DateTimeOffset? CheckAt)
{
    /// <summary>The instant the scheduler must be armed for, if any.</summary>
    public DateTimeOffset? ArmAt => Next?.DueAt ?? CheckAt;
}

using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 3: a payment the merchant's gateway declined is approved through FlexPay with retryCount 1, in a zero-decimal currency.</summary>
public sealed class RecoveryScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 3;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var submitted = await context.SubmitAsync(session, 1500, "JPY", declinedByMerchant: true, ct);
        var chain = await context.WaitForAsync(submitted.Id, c => c.State != ChainState.Scheduled && c.Attempts[^1].IsAnswered(), "the recovery", ct);
        var attempt = chain.Attempts[^1];
        step.Record("Recovered charge", chain, attempt);

        CertificationCheckFailedException.Unless(chain.State == ChainState.Recovered, $"Expected an approval, got {attempt.ResponseCode} {attempt.ResponseMessage}.");
        CertificationCheckFailedException.Unless(attempt.RetryCount >= 1, $"The approved attempt had retryCount {attempt.RetryCount}; a recovery needs 1 or more.");
        return $"Approved ({attempt.ResponseCode}) with retryCount {attempt.RetryCount} in {chain.CurrencyCode}, transaction {attempt.TransactionId}.";
    }
}

using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 5: a recovered charge (retryCount ≥ 1) is refunded through FlexPay using its transaction token.</summary>
public sealed class RefundScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 5;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var submitted = await context.SubmitAsync(session, 2500, "EUR", declinedByMerchant: true, ct);
        var chain = await context.WaitForAsync(submitted.Id, c => c.State != ChainState.Scheduled && c.Attempts[^1].IsAnswered(), "the recovery", ct);
        var charge = chain.Attempts[^1];
        step.Record("Recovered charge", chain, charge);
        CertificationCheckFailedException.Unless(chain.State == ChainState.Recovered && charge.RetryCount >= 1,
            $"The charge to refund was not recovered with retryCount ≥ 1 ({charge.ResponseCode}, retryCount {charge.RetryCount}).");

        var refund = await context.Refunds.RefundAsync(chain.Id, amount: null, "FlexPay certification Step 5", session.Actor, ct: ct);
        step.Record(new CertificationToken("Refund", refund.MerchantTransactionId, refund.TransactionId, charge.GatewayTokenUsed, refund.ResponseCode, null, chain.CurrencyCode));
        CertificationCheckFailedException.Unless(refund.Status == RefundStatus.Approved, $"The refund was {refund.Status}: {refund.ResponseCode} {refund.ResponseMessage}.");
        return $"Charge {charge.TransactionId} (retryCount {charge.RetryCount}) refunded in full through FlexPay as {refund.TransactionId}.";
    }
}

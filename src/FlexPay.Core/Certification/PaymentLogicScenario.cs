using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 4: three soft declines of one order, with retryCount 0, 1, 2 and each referenceData daisy-chained from the answer before.</summary>
public sealed class PaymentLogicScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 4;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var submitted = await context.SubmitAsync(session, 2008, "USD", declinedByMerchant: false, ct);
        var chain = await context.WaitForAsync(
            submitted.Id,
            c => c.Attempts.Count >= 3 && c.Attempts[2].IsAnswered() || c.State is ChainState.Failed or ChainState.Suspended,
            "three answered attempts",
            ct);
        await context.StopRetryingAsync(session, chain.Id, ct);
        var attempts = chain.Attempts.Take(3).ToList();
        for (var i = 0; i < attempts.Count; i++)
        {
            step.Record($"Transaction {i + 1}", chain, attempts[i]);
        }

        CertificationCheckFailedException.Unless(attempts.Count == 3 && attempts.All(a => a.IsAnswered()),
            $"The chain stopped after {attempts.Count(a => a.IsAnswered())} attempts: {chain.StateReason}");
        CertificationCheckFailedException.Unless(attempts.Select(a => a.RetryCount).SequenceEqual([0, 1, 2]),
            $"retryCount went {string.Join(", ", attempts.Select(a => a.RetryCount))}; expected 0, 1, 2.");
        CertificationCheckFailedException.Unless(attempts[0].ReferenceDataSent is null, "The first transaction sent referenceData; it must be empty.");
        for (var i = 1; i < attempts.Count; i++)
        {
            var (previous, current) = (attempts[i - 1], attempts[i]);
            CertificationCheckFailedException.Unless(previous.ReferenceDataReceived is not null,
                $"FlexPay returned no referenceData for transaction {i}, so transaction {i + 1} had nothing to carry.");
            CertificationCheckFailedException.Unless(current.ReferenceDataSent == previous.ReferenceDataReceived,
                $"Transaction {i + 1} did not send the referenceData returned by transaction {i}.");
            CertificationCheckFailedException.Unless(current.ResponseCode?.StartsWith('2') == true,
                $"Transaction {i + 1} was answered {current.ResponseCode} {current.ResponseMessage}; expected a soft decline.");
        }
        CertificationCheckFailedException.Unless(attempts[1].ReferenceDataReceived != attempts[0].ReferenceDataReceived,
            "FlexPay returned the same referenceData twice; the daisy chain cannot be verified.");
        return "retryCount 0, 1, 2 on one order; transactions 2 and 3 each carried the referenceData of the response before.";
    }
}

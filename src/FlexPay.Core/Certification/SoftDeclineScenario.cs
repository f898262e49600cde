using System.Globalization;
using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 1: a 20K decline comes back with a retry date and reference data, and the retry is scheduled for exactly that date.</summary>
public sealed class SoftDeclineScenario(CertificationContext context) : ICertificationScenario
{
    public int Number => 1;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var submitted = await context.SubmitAsync(session, 2008, "USD", declinedByMerchant: false, ct);
        var chain = await context.WaitForAsync(submitted.Id, c => c.Attempts[0].IsAnswered(), "the first answer", ct);
        var first = chain.Attempts[0];
        step.Record("Soft decline", chain, first);

        CertificationCheckFailedException.Unless(first.ResponseCode?.StartsWith('2') == true, $"Expected a 20K soft decline, got {first.ResponseCode} {first.ResponseMessage}.");
        CertificationCheckFailedException.Unless(first.RetryDateReceived is not null, $"FlexPay returned no retry date for {first.ResponseCode}.");
        CertificationCheckFailedException.Unless(first.ReferenceDataReceived is not null, "FlexPay returned no referenceData.");
        var next = chain.Attempts.ElementAtOrDefault(1);
        CertificationCheckFailedException.Unless(
            chain.State == ChainState.Scheduled && next?.DueAt == first.RetryDateReceived,
            $"The retry was not scheduled at the retry date {first.RetryDateReceived:O} (chain {chain.State}, next due {next?.DueAt:O}).");
        CertificationCheckFailedException.Unless(next!.ReferenceDataSent == first.ReferenceDataReceived, "The scheduled retry does not carry the referenceData FlexPay returned.");

        await context.StopRetryingAsync(session, chain.Id, ct);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{first.ResponseCode} with retry date {first.RetryDateReceived!.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} UTC; retry {next.RetryCount} scheduled for exactly that instant with the returned referenceData.");
    }
}

using FlexPay.Core.Recovery;

namespace FlexPay.Core.Certification;

/// <summary>Step 2: 30K, 40K and 50K declines carry no retry date and are never scheduled.</summary>
public sealed class HardDeclineScenario(CertificationContext context) : ICertificationScenario
{
    private static readonly (long Amount, char Family)[] Triggers = [(3016, '3'), (4018, '4'), (5023, '5')];

    public int Number => 2;

    public async Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct)
    {
        var codes = new List<string>();
        foreach (var (amount, family) in Triggers)
        {
            var submitted = await context.SubmitAsync(session, amount, "USD", declinedByMerchant: false, ct);
            var chain = await context.WaitForAsync(submitted.Id, c => c.Attempts[0].IsAnswered(), $"the answer to amount {amount}", ct);
            var attempt = Assert(chain, family);
            step.Record($"Hard decline {family}0K", chain, attempt);
            codes.Add(attempt.ResponseCode!);
        }
        return $"{string.Join(", ", codes)}: no retry date, chains ended, nothing scheduled.";
    }

    private static RecoveryAttempt Assert(RecoveryChain chain, char family)
    {
        var attempt = chain.Attempts[0];
        CertificationCheckFailedException.Unless(attempt.ResponseCode?.FirstOrDefault() == family, $"Expected a {family}0K decline, got {attempt.ResponseCode} {attempt.ResponseMessage}.");
        CertificationCheckFailedException.Unless(attempt.RetryDateReceived is null, $"{attempt.ResponseCode} came with a retry date; hard declines must not.");
        CertificationCheckFailedException.Unless(
            chain.State == ChainState.Failed && chain.Attempts.Count == 1 && chain.NextAttemptDueAt is null,
            $"A {attempt.ResponseCode} decline was scheduled for a retry (chain {chain.State}).");
        return attempt;
    }
}

namespace FlexPay.Core.Certification;

/// <summary>One of the guide's scenarios: runs it, records its tokens, throws <see cref="CertificationCheckFailedException"/> when an expectation fails.</summary>
public interface ICertificationScenario
{
    int Number { get; }

    /// <summary>Returns what was verified, in one sentence for the result table.</summary>
    Task<string> RunAsync(CertificationStep step, CertificationSession session, CancellationToken ct);
}

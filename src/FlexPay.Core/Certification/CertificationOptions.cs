namespace FlexPay.Core.Certification;

public sealed class CertificationOptions
{
    public const string SectionName = "Certification";

    /// <summary>How long past a retry's due time a scenario waits for its answer before failing.</summary>
    public TimeSpan AnswerGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a scenario looks at its chain while waiting.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

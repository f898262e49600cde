namespace FlexPay.Core.Recovery.Intake;

public enum IntakeOutcome
{
    Created,
    AlreadyExists,
    Invalid,
    CardRejected,
    FlexPayUnavailable,
}

/// <summary>What became of a submitted payment. Only Created and AlreadyExists carry a chain.</summary>
public sealed record IntakeResult(IntakeOutcome Outcome)
{
    public RecoveryChain? Chain { get; init; }

    /// <summary>Field name → messages, for Invalid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>FlexPay's own words, for CardRejected and FlexPayUnavailable.</summary>
    public string? Detail { get; init; }
}

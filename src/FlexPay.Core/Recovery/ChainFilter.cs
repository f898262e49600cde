namespace FlexPay.Core.Recovery;

/// <summary>
/// What a list of recoveries is filtered by: one shape for the recoveries grid (and its URL), the list API and the CSV
/// export, so the three cannot drift. Dates are UTC calendar days, both ends included.
/// </summary>
public sealed record ChainFilter
{
    /// <summary>
    /// The start of an order, customer or external id, of the customer's e-mail, or of an attempt's merchantTransactionId
    /// or FlexPay transactionId, in any letter case (docs/decisions/012).
    /// </summary>
    public string? Search { get; init; }

    public ChainState? State { get; init; }

    public string? Currency { get; init; }

    /// <summary>A gateway token: pinned on the chain, or sent or used by one of its attempts.</summary>
    public string? Gateway { get; init; }

    public string? Company { get; init; }

    public DateTime? CreatedFrom { get; init; }

    public DateTime? CreatedTo { get; init; }

    /// <summary>Whether chains a certification run made are listed too; they are hidden unless asked for (docs/decisions/015,
    /// <see cref="Certification.CertificationTag.Shown(IQueryable{RecoveryChain}, bool)"/>).</summary>
    public bool IncludeCertification { get; init; }

    public bool IsEmpty => this == new ChainFilter();

    /// <summary>The same filter with blank text filters dropped and the rest trimmed, as every way in should read it.</summary>
    public ChainFilter Normalized() => this with
    {
        Search = Blank(Search),
        Currency = Blank(Currency)?.ToUpperInvariant(),
        Gateway = Blank(Gateway),
        Company = Blank(Company),
        CreatedFrom = CreatedFrom?.Date,
        CreatedTo = CreatedTo?.Date,
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

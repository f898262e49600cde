namespace FlexPay.Core.Gateways;

/// <summary>
/// A gateway as staff or the billing system describe it, to create or to change. On a change, members
/// left null keep their value; <see cref="Credentials"/>, when given, replaces every credential.
/// </summary>
public sealed record GatewayDraft
{
    public string? Name { get; init; }

    /// <summary>The FlexPay account; the default account when absent.</summary>
    public string? Company { get; init; }

    public string? GatewayType { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    public string? CurrencyCode { get; init; }

    public IReadOnlyList<string>? AcceptedCurrencyCodes { get; init; }

    public int? Weight { get; init; }

    public bool? AcceptRetries { get; init; }

    public bool? CvvRequired { get; init; }

    public decimal? ApprovedChargeOrCaptureRateFee { get; init; }

    public decimal? ApprovedChargeOrCaptureFlatFee { get; init; }

    public decimal? OtherTransactionFlatFee { get; init; }

    /// <summary>Connection credentials (write-only): never returned, never logged.</summary>
    public IReadOnlyDictionary<string, string>? Credentials { get; init; }

    /// <summary>On creation only: enable at once (creates the gateway at FlexPay).</summary>
    public bool? Enabled { get; init; }

    public override string ToString() =>
        $"{nameof(GatewayDraft)} {{ Name = {Name}, Company = {Company}, GatewayType = {GatewayType}, CurrencyCode = {CurrencyCode}, " +
        $"Credentials = {(Credentials is null ? "unchanged" : $"[{string.Join(", ", Credentials.Keys.Select(k => k + " = ****"))}]")} }}";
}

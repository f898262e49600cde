namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A gateway to create at FlexPay (sent as <c>{"gateway":{...}}</c>). <see cref="Settings"/> holds the
/// gateway's credentials, so <see cref="ToString"/> shows only their names.
/// </summary>
public sealed record GatewayDefinition
{
    /// <summary>Set at creation only; FlexPay does not let it change.</summary>
    public required string Name { get; init; }

    /// <summary>A gateway type code such as <c>nmi</c> or <c>flexpay_sandbox</c>.</summary>
    public required string GatewayType { get; init; }

    /// <summary>MID label for reporting; shows up on transactions.</summary>
    public string? MerchantAccountReferenceId { get; init; }

    /// <summary>ISO 4217 currency of the merchant account.</summary>
    public required string CurrencyCode { get; init; }

    public IReadOnlyList<string> AcceptedCurrencyCodes { get; init; } = [];

    public string Status { get; init; } = FlexPayGatewayStatuses.Available;

    /// <summary>Routing weight for weighted distribution (FlexPay's default is 1).</summary>
    public int Weight { get; init; } = 1;

    public bool AcceptRetries { get; init; } = true;

    public bool CvvRequired { get; init; }

    /// <summary>Percent fee on approved charges and captures.</summary>
    public decimal? ApprovedChargeOrCaptureRateFee { get; init; }

    public decimal? ApprovedChargeOrCaptureFlatFee { get; init; }

    public decimal? OtherTransactionFlatFee { get; init; }

    /// <summary>Type-specific connection settings (credentials); write-only at FlexPay.</summary>
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public override string ToString() =>
        $"{nameof(GatewayDefinition)} {{ Name = {Name}, GatewayType = {GatewayType}, " +
        $"MerchantAccountReferenceId = {MerchantAccountReferenceId}, CurrencyCode = {CurrencyCode}, Status = {Status}, " +
        $"Weight = {Weight}, Settings = {GatewaySettings.Describe(Settings)} }}";
}

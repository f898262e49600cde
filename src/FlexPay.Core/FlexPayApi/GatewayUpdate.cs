namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A partial update of a gateway (<c>PUT /v1/gateways/{id}</c>): a null member is left unchanged, and
/// <see cref="Settings"/> replaces the stored settings only when given. The name cannot change.
/// </summary>
public sealed record GatewayUpdate
{
    public string? GatewayType { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    public string? CurrencyCode { get; init; }

    public IReadOnlyList<string>? AcceptedCurrencyCodes { get; init; }

    /// <summary>E.g. <see cref="FlexPayGatewayStatuses.RefundOnly"/> when the gateway is disabled here.</summary>
    public string? Status { get; init; }

    public int? Weight { get; init; }

    public bool? AcceptRetries { get; init; }

    public bool? CvvRequired { get; init; }

    public decimal? ApprovedChargeOrCaptureRateFee { get; init; }

    public decimal? ApprovedChargeOrCaptureFlatFee { get; init; }

    public decimal? OtherTransactionFlatFee { get; init; }

    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    public override string ToString() =>
        $"{nameof(GatewayUpdate)} {{ Status = {Status}, Weight = {Weight}, " +
        $"MerchantAccountReferenceId = {MerchantAccountReferenceId}, Settings = {GatewaySettings.Describe(Settings)} }}";
}

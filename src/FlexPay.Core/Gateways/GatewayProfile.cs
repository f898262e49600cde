namespace FlexPay.Core.Gateways;

/// <summary>A gateway's non-secret, changeable fields: what a FlexPay <c>PUT</c> carries besides status and settings.</summary>
public sealed record GatewayProfile(
    string GatewayType,
    string? MerchantAccountReferenceId,
    string CurrencyCode,
    IReadOnlyList<string> AcceptedCurrencyCodes,
    int Weight,
    bool AcceptRetries,
    bool CvvRequired,
    decimal? ApprovedChargeOrCaptureRateFee,
    decimal? ApprovedChargeOrCaptureFlatFee,
    decimal? OtherTransactionFlatFee)
{
    public bool SameAs(GatewayProfile other) =>
        GatewayType == other.GatewayType
        && MerchantAccountReferenceId == other.MerchantAccountReferenceId
        && CurrencyCode == other.CurrencyCode
        && AcceptedCurrencyCodes.SequenceEqual(other.AcceptedCurrencyCodes)
        && Weight == other.Weight
        && AcceptRetries == other.AcceptRetries
        && CvvRequired == other.CvvRequired
        && ApprovedChargeOrCaptureRateFee == other.ApprovedChargeOrCaptureRateFee
        && ApprovedChargeOrCaptureFlatFee == other.ApprovedChargeOrCaptureFlatFee
        && OtherTransactionFlatFee == other.OtherTransactionFlatFee;
}

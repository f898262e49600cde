using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A gateway (MID) as FlexPay reports it. Connection settings are write-only: FlexPay (and the emulator)
/// return at most their key names.
/// </summary>
public sealed record FlexPayGateway
{
    /// <summary>The gateway token: what a charge sends as <c>gatewayToken</c>.</summary>
    [JsonConverter(typeof(NonNullTextConverter))]
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    public string? GatewayType { get; init; }

    public string? CurrencyCode { get; init; }

    /// <summary><c>Available</c>, <c>Disabled</c> or <c>RefundOnly</c> (see <see cref="FlexPayGatewayStatuses"/>).</summary>
    public string? Status { get; init; }

    public IReadOnlyList<string>? AcceptedCurrencyCodes { get; init; }

    public int Weight { get; init; }

    public bool AcceptRetries { get; init; }

    public bool CvvRequired { get; init; }

    public decimal? ApprovedChargeOrCaptureRateFee { get; init; }

    public decimal? ApprovedChargeOrCaptureFlatFee { get; init; }

    public decimal? OtherTransactionFlatFee { get; init; }

    /// <summary>Names of the configured connection settings, never their values.</summary>
    public IReadOnlyList<string>? SettingKeys { get; init; }
}

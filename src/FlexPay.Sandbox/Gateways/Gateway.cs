using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Gateways;

/// <summary>A merchant account (MID) of a company. Mutated only under the company's lock.</summary>
internal sealed class Gateway
{
    public const string Available = "Available";
    public const string Disabled = "Disabled";
    public const string RefundOnly = "RefundOnly";
    public static readonly string[] Statuses = [Available, Disabled, RefundOnly];

    public required string Id { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? MerchantAccountReferenceId { get; set; }
    public required string GatewayType { get; set; }
    public required string CurrencyCode { get; set; }
    public string Status { get; set; } = Available;
    public IReadOnlyList<string> AcceptedCurrencyCodes { get; set; } = [];
    public JsonObject? AcceptedCards { get; set; }
    public int Weight { get; set; } = 1;
    public bool AcceptRetries { get; set; } = true;
    public bool CvvRequired { get; set; }
    public decimal? ApprovedChargeOrCaptureRateFee { get; set; }
    public decimal? ApprovedChargeOrCaptureFlatFee { get; set; }
    public decimal? OtherTransactionFlatFee { get; set; }

    /// <summary>Credentials: write-only, so only their names ever leave the emulator.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; set; } = new Dictionary<string, string>();

    /// <summary>An empty list means every currency.</summary>
    public bool Accepts(string currency) =>
        AcceptedCurrencyCodes.Count == 0 || AcceptedCurrencyCodes.Contains(currency, StringComparer.OrdinalIgnoreCase);

    public static Gateway BuiltIn(string token, DateTimeOffset now) => new()
    {
        Id = token,
        Name = "FlexPay Sandbox",
        CreatedAt = now,
        MerchantAccountReferenceId = "Sandbox123",
        GatewayType = "flexpay_sandbox",
        CurrencyCode = "USD",
    };

    public GatewayDto ToDto() => new(
        Id, Name, MerchantAccountReferenceId, GatewayType, CurrencyCode, Status, AcceptedCurrencyCodes,
        AcceptedCards?.DeepClone(), Weight, AcceptRetries, CvvRequired, ApprovedChargeOrCaptureRateFee,
        ApprovedChargeOrCaptureFlatFee, OtherTransactionFlatFee, [.. Settings.Keys.Order(StringComparer.Ordinal)]);
}

/// <summary>The wire shape of a gateway. <c>settingKeys</c> replaces the write-only <c>settings</c>.</summary>
internal sealed record GatewayDto(
    string Id,
    string Name,
    string? MerchantAccountReferenceId,
    string GatewayType,
    string CurrencyCode,
    string Status,
    IReadOnlyList<string> AcceptedCurrencyCodes,
    JsonNode? AcceptedCards,
    int Weight,
    bool AcceptRetries,
    bool CvvRequired,
    decimal? ApprovedChargeOrCaptureRateFee,
    decimal? ApprovedChargeOrCaptureFlatFee,
    decimal? OtherTransactionFlatFee,
    IReadOnlyList<string> SettingKeys);

internal sealed record GatewayEnvelope(GatewayDto Gateway);

internal sealed record GatewayListEnvelope(IReadOnlyList<GatewayDto> Gateways);

using System.Text.Json;
using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// The transaction object every transaction endpoint returns (flexpay-api.md §2.1.5). Members the wire may
/// omit are nullable; the identifiers and the result code are never null (empty when FlexPay sends null).
/// </summary>
public sealed record FlexPayTransaction
{
    [JsonConverter(typeof(NonNullTextConverter))]
    public string TransactionId { get; init; } = "";

    [JsonConverter(typeof(NonNullTextConverter))]
    public string MerchantTransactionId { get; init; } = "";

    public DateTimeOffset? TransactionDate { get; init; }

    /// <summary>1 approved, 2 declined, 3 error (see <see cref="FlexPayTransactionStatuses"/>).</summary>
    public int TransactionStatus { get; init; }

    [JsonConverter(typeof(NonNullTextConverter))]
    public string Message { get; init; } = "";

    /// <summary>Five digits as text, e.g. <c>"20003"</c>; the first digit is the family (flexpay-api.md §3).</summary>
    [JsonConverter(typeof(NonNullTextConverter))]
    public string ResponseCode { get; init; } = "";

    /// <summary><c>Charge</c>, <c>Authorize</c>, <c>Capture</c>, <c>Void</c>, <c>Refund</c>, ... (kept as text: FlexPay adds types).</summary>
    [JsonConverter(typeof(NonNullTextConverter))]
    public string TransactionType { get; init; } = "";

    public string? OrderId { get; init; }

    public string? CustomerId { get; init; }

    public string? CurrencyCode { get; init; }

    /// <summary>Minor units. For a void: the original's amount.</summary>
    public long Amount { get; init; }

    /// <summary>The gateway that processed this attempt.</summary>
    public string? GatewayToken { get; init; }

    public string? GatewayType { get; init; }

    public string? GatewayTransactionId { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    /// <summary>The gateway FlexPay wants the next attempt of this payment to use.</summary>
    public string? AssignedGatewayToken { get; init; }

    /// <summary>When to retry; only meaningful for a soft decline (read <see cref="TransactionResult.RetryDate"/>).</summary>
    public DateTimeOffset? RetryDate { get; init; }

    public int RetryCount { get; init; }

    public DateTimeOffset? DateFirstAttempt { get; init; }

    public string? Description { get; init; }

    public string? CustomerIp { get; init; }

    /// <summary>Opaque; send it back unchanged on the next attempt of the same payment.</summary>
    public string? ReferenceData { get; init; }

    public bool DisableCustomerRecovery { get; init; }

    public string? PaymentModel { get; init; }

    public int? EngagedRecoveryState { get; init; }

    public string? ProductSku { get; init; }

    public string? SubscriptionId { get; init; }

    public string? CustomVariable1 { get; init; }

    public string? CustomVariable2 { get; init; }

    public string? CustomVariable3 { get; init; }

    public string? CustomVariable4 { get; init; }

    public string? CustomVariable5 { get; init; }

    /// <summary>AVS/CVV verification data. Do not derive the CVV outcome from its message (sandbox quirk, §2.1.6).</summary>
    public FlexPayVerificationResponse? Response { get; init; }

    /// <summary>The masked card snapshot.</summary>
    public FlexPayPaymentMethod? PaymentMethod { get; init; }

    public FlexPayShippingAddress? ShippingAddress { get; init; }

    /// <summary>GET-one only; free-form, shaped <c>{"gatewaySpecificFields":{...}}</c>.</summary>
    public JsonElement? GatewaySpecificFields { get; init; }

    /// <summary>GET-one only; free-form, shaped <c>{"gatewaySpecificFields":{...}}</c>.</summary>
    public JsonElement? GatewaySpecificResponseFields { get; init; }
}

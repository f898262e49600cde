using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// The merchant's own previous decline of this payment, for FlexPay's recovery analysis.
/// Sent as <c>References.PreviousTransaction</c> (capitalised, with the documented <c>gatewayMesage</c> spelling).
/// </summary>
public sealed record PreviousTransactionReference
{
    public string? MerchantAccountReferenceId { get; init; }

    public string? GatewayCode { get; init; }

    // Misspelt exactly as FlexPay documents it.
    [JsonPropertyName("gatewayMesage")]
    public string? GatewayMessage { get; init; }

    public DateTimeOffset? TransactionDate { get; init; }
}

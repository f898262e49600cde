using System.Text.Json;
using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// One item of <c>GET /v1/transactions</c>, simplified or full (flexpay-api.md §2.7). The two shapes share
/// the identifying members; whatever a shape lacks stays null.
/// </summary>
public sealed record FlexPayTransactionSummary
{
    [JsonConverter(typeof(NonNullTextConverter))]
    public string TransactionId { get; init; } = "";

    public DateTimeOffset? TransactionDate { get; init; }

    public int TransactionStatus { get; init; }

    public string? Message { get; init; }

    public string? TransactionType { get; init; }

    [JsonConverter(typeof(TextConverter))]
    public string? ResponseCode { get; init; }

    public DateTimeOffset? RetryDate { get; init; }

    public long? Amount { get; init; }

    public string? CurrencyCode { get; init; }

    public string? MerchantTransactionId { get; init; }

    /// <summary>The merchantTransactionId of the chain's first attempt (simplified items).</summary>
    public string? InitialMerchantTransactionId { get; init; }

    public string? OrderId { get; init; }

    public string? PaymentMethodStorageState { get; init; }

    /// <summary>Undocumented values; kept as sent.</summary>
    [JsonConverter(typeof(TextConverter))]
    public string? CompletionStatus { get; init; }

    public string? GatewayToken { get; init; }

    public string? AssignedGatewayToken { get; init; }

    /// <summary>Full items: the gateway that processed the transaction.</summary>
    public FlexPayTransactionGateway? Gateway { get; init; }

    public JsonElement? GatewaySpecificFields { get; init; }

    public JsonElement? GatewaySpecificResponseFields { get; init; }
}

using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Wire;

internal sealed record ReferencesBody([property: JsonPropertyName("PreviousTransaction")] PreviousTransactionBody PreviousTransaction);

internal sealed record PreviousTransactionBody
{
    public string? MerchantAccountReferenceId { get; init; }

    public string? GatewayCode { get; init; }

    // Misspelt exactly as FlexPay documents it.
    [JsonPropertyName("gatewayMesage")]
    public string? GatewayMessage { get; init; }

    public DateTimeOffset? TransactionDate { get; init; }

    public static PreviousTransactionBody From(PreviousTransactionReference previous) => new()
    {
        MerchantAccountReferenceId = previous.MerchantAccountReferenceId,
        GatewayCode = previous.GatewayCode,
        GatewayMessage = previous.GatewayMessage,
        TransactionDate = previous.TransactionDate,
    };
}

using System.Text.Json.Nodes;

namespace FlexPay.Sandbox.Inspection;

/// <summary>
/// One API request as the emulator saw it. Written by the request's own thread only; readers take a
/// snapshot, and a half-filled entry of a request still in flight is acceptable to an inspector.
/// </summary>
internal sealed class LogEntry
{
    public DateTimeOffset ReceivedAt { get; init; }
    public string Method { get; init; } = "";
    public string Path { get; init; } = "";
    public int? HttpStatus { get; set; }
    public string? Fault { get; set; }
    public string? MerchantTransactionId { get; set; }
    public string? OrderId { get; set; }
    public long? RetryCount { get; set; }
    public string? ReferenceData { get; set; }
    public string? GatewayToken { get; set; }
    public long? Amount { get; set; }
    public string? CurrencyCode { get; set; }
    public string? ResponseCode { get; set; }
    public string? RetryDate { get; set; }
    public string? ResponseReferenceData { get; set; }
    public string? TransactionId { get; set; }
    public string? GatewayId { get; set; }
    public string? GatewayStatus { get; set; }

    /// <summary>Notes the request's fields as sent, before typed parsing can reject it with a 400.</summary>
    public void CaptureRequest(JsonObject transaction)
    {
        MerchantTransactionId = Text(transaction["merchantTransactionId"]);
        OrderId = Text(transaction["orderId"]);
        RetryCount = Number(transaction["retryCount"]);
        ReferenceData = Text(transaction["referenceData"]);
        GatewayToken = Text(transaction["gatewayToken"]);
        Amount = Number(transaction["amount"]);
        CurrencyCode = Text(transaction["currencyCode"]);
    }

    public void CaptureResponse(Transactions.TransactionDto dto)
    {
        CaptureResponse(dto.ResponseCode, dto.TransactionId);
        RetryDate = dto.RetryDate;
        ResponseReferenceData = dto.ReferenceData;
    }

    /// <summary>For vault answers, which carry neither a retry date nor referenceData.</summary>
    public void CaptureResponse(string responseCode, string transactionId)
    {
        ResponseCode = responseCode;
        TransactionId = transactionId;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    private static long? Number(JsonNode? node) => node is JsonValue v
        ? v.TryGetValue<long>(out var n) ? n
        : v.TryGetValue<string>(out var s) && long.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p
        : null
        : null;
}

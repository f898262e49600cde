using System.Globalization;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// Every FlexPay path, relative to the versioned base address (which ends with <c>/v1/</c>).
/// Kept in one place so a path can be corrected against FlexPay's live reference without touching callers;
/// the gateway paths in particular are this project's decision (flexpay-api.md §5.6), not documented ones.
/// </summary>
public static class FlexPayPaths
{
    public const string Charge = "gateways/charge";
    public const string Authorize = "gateways/authorize";
    public const string Transactions = "transactions";
    public const string PaymentMethods = "paymentmethods";
    public const string Gateways = "gateways";

    /// <summary>The health check lives beside the version folder (<c>/api/test</c>, not <c>/v1/api/test</c>).</summary>
    public const string HealthCheck = "../api/test";

    public static string Capture(string transactionId) => $"{Transaction(transactionId)}/capture";

    public static string Void(string transactionId) => $"{Transaction(transactionId)}/void";

    public static string Refund(string transactionId) => $"{Transaction(transactionId)}/refund";

    public static string RefundedPayment(string transactionId) => $"{Transaction(transactionId)}/refundedpayment";

    public static string Transaction(string transactionId) => $"{Transactions}/{Segment(transactionId)}";

    public static string TransactionByMerchantTransactionId(string merchantTransactionId) =>
        $"{Transactions}/byMerchantTransactionId/{Segment(merchantTransactionId)}";

    /// <summary>
    /// One page of <c>GET /v1/transactions</c>: the first page starts at the query's start date, every later
    /// one after <paramref name="sinceTransactionId"/> (the last id of the page before).
    /// </summary>
    public static string TransactionList(TransactionListQuery query, string? sinceTransactionId)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<string>();
        if (sinceTransactionId is not null)
        {
            parameters.Add("sinceTransactionId=" + Uri.EscapeDataString(sinceTransactionId));
        }
        else if (query.StartDate is { } startDate)
        {
            parameters.Add("startDate=" + startDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (query.Descending)
        {
            parameters.Add("order=desc");
        }

        if (query.PageSize is { } count)
        {
            parameters.Add("count=" + count.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Simplified)
        {
            parameters.Add("responseType=simplified");
        }

        return parameters.Count == 0 ? Transactions : $"{Transactions}?{string.Join('&', parameters)}";
    }

    public static string PaymentMethod(string paymentMethodId) => $"{PaymentMethods}/{Segment(paymentMethodId)}";

    public static string RedactPaymentMethod(string paymentMethodId) => $"{PaymentMethod(paymentMethodId)}/redact";

    public static string Gateway(string gatewayId) => $"{Gateways}/{Segment(gatewayId)}";

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}

using System.Globalization;
using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Inspection;

namespace FlexPay.Sandbox.Transactions;

/// <summary>GET one (§2.6) and the paged list (§2.7).</summary>
internal static class TransactionQueries
{
    private const int DefaultCount = 20;
    private const int MaxCount = 100;

    public static IResult Get(HttpContext http, string id)
    {
        var company = http.Company();
        http.LogEntry().TransactionId = id;
        lock (company.Gate)
        {
            return One(company.Transactions.Find(id), $"Transaction '{id}' not found.");
        }
    }

    public static IResult GetByMerchantTransactionId(HttpContext http, string merchantTransactionId)
    {
        var company = http.Company();
        http.LogEntry().MerchantTransactionId = merchantTransactionId;
        lock (company.Gate)
        {
            return One(
                company.Transactions.FindByMerchantTransactionId(merchantTransactionId),
                $"No transaction with merchantTransactionId '{merchantTransactionId}'.");
        }
    }

    public static IResult List(
        HttpContext http,
        string? order,
        string? count,
        string? sinceTransactionId,
        string? sinceToken,
        string? startDate,
        string? responseType)
    {
        var descending = order?.ToLowerInvariant() switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => throw new BadRequestException("The parameter 'order' must be 'asc' or 'desc'."),
        };
        var size = DefaultCount;
        if (!string.IsNullOrEmpty(count)
            && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1))
        {
            throw new BadRequestException("The parameter 'count' must be a positive integer.");
        }
        size = Math.Min(size, MaxCount);
        DateTimeOffset? since = null;
        if (!string.IsNullOrEmpty(startDate))
        {
            since = WireTime.TryParse(startDate, out var parsed)
                ? parsed
                : throw new BadRequestException("The parameter 'startDate' must be a date such as 2023-11-08.");
        }
        var after = string.IsNullOrEmpty(sinceTransactionId) ? sinceToken : sinceTransactionId;
        var simplified = string.Equals(responseType, "simplified", StringComparison.OrdinalIgnoreCase);

        var company = http.Company();
        lock (company.Gate)
        {
            IEnumerable<StoredTransaction> items = company.Transactions.All;
            if (descending)
            {
                items = items.Reverse();
            }
            if (!string.IsNullOrEmpty(after))
            {
                var anchor = company.Transactions.Find(after)
                    ?? throw new BadRequestException($"The continuation token '{after}' names no transaction.");
                items = items.SkipWhile(t => t != anchor).Skip(1);
            }
            else if (since is { } start)
            {
                // startDate only frames the initial call (§2.7); continuation pages follow the token alone.
                items = items.Where(t => t.TransactionDate >= start);
            }
            var page = items.Take(size).Select(t => simplified ? (object)Simplified(t) : Full(company, t)).ToList();
            return SandboxJson.Ok(new TransactionListEnvelope(page));
        }
    }

    private static IResult One(StoredTransaction? transaction, string notFound) => transaction is null
        ? SandboxJson.Error(StatusCodes.Status404NotFound, notFound)
        : SandboxJson.Ok(new TransactionEnvelope(WithGatewayFields(transaction.Dto)));

    private static TransactionDto WithGatewayFields(TransactionDto dto) => dto with
    {
        GatewaySpecificFields = GatewaySpecificFieldsDto.Empty,
        GatewaySpecificResponseFields = GatewaySpecificFieldsDto.Empty,
    };

    private static SimplifiedItem Simplified(StoredTransaction t) => new SimplifiedItem(
        t.Dto.TransactionId,
        t.Dto.TransactionDate,
        t.Dto.TransactionStatus,
        t.Dto.Message,
        t.Dto.TransactionType,
        t.Dto.RetryDate,
        t.Dto.Amount,
        t.InitialMerchantTransactionId,
        t.PaymentMethod?.StorageState,
        null);

    /// <summary>The full item is the whole transaction plus the documented <c>gateway</c> member.</summary>
    private static FullItem Full(Companies.Company company, StoredTransaction t)
    {
        var gateway = company.FindGateway(t.Dto.GatewayToken);
        return new FullItem(
            WithGatewayFields(t.Dto),
            new GatewaySummary(t.Dto.GatewayToken, t.Dto.GatewayType, gateway?.Name, t.Dto.MerchantAccountReferenceId));
    }
}

internal sealed record TransactionListEnvelope(IReadOnlyList<object> Transactions);

internal sealed record SimplifiedItem(
    string TransactionId,
    string TransactionDate,
    int TransactionStatus,
    string Message,
    string TransactionType,
    string? RetryDate,
    long Amount,
    string? InitialMerchantTransactionId,
    string? PaymentMethodStorageState,
    string? CompletionStatus);

internal sealed record GatewaySummary(string Token, string GatewayType, string? Name, string? ReferenceId);

/// <summary>Serialised flat: the transaction's members, then <c>gateway</c>.</summary>
internal sealed class FullItem(TransactionDto transaction, GatewaySummary gateway)
{
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement> Transaction { get; } =
        System.Text.Json.JsonSerializer.SerializeToElement(transaction, SandboxJson.Options)
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value);

    public GatewaySummary Gateway => gateway;
}

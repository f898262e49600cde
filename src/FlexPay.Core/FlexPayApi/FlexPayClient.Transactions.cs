using System.Runtime.CompilerServices;
using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

// Transaction API (flexpay-api.md §2). Declines of every kind arrive as HTTP 200 and are classified, not thrown.
public sealed partial class FlexPayClient
{
    public Task<TransactionResult> ChargeAsync(FlexPayApiKey key, ChargeRequest request, CancellationToken ct = default) =>
        SendChargeAsync(FlexPayPaths.Charge, key, request, ct);

    public Task<TransactionResult> AuthorizeAsync(FlexPayApiKey key, ChargeRequest request, CancellationToken ct = default) =>
        SendChargeAsync(FlexPayPaths.Authorize, key, request, ct);

    public Task<TransactionResult> CaptureAsync(FlexPayApiKey key, string transactionId, FollowUpRequest request, CancellationToken ct = default) =>
        SendFollowUpAsync(FlexPayPaths.Capture(transactionId), key, request, ct);

    public Task<TransactionResult> VoidAsync(FlexPayApiKey key, string transactionId, FollowUpRequest request, CancellationToken ct = default) =>
        SendFollowUpAsync(FlexPayPaths.Void(transactionId), key, request, ct);

    public Task<TransactionResult> RefundAsync(FlexPayApiKey key, string transactionId, FollowUpRequest request, CancellationToken ct = default) =>
        SendFollowUpAsync(FlexPayPaths.Refund(transactionId), key, request, ct);

    /// <summary>Tells FlexPay a payment was refunded or cancelled elsewhere, which also stops its recovery.</summary>
    public Task<TransactionResult> ReportRefundedPaymentAsync(
        FlexPayApiKey key, string transactionId, FollowUpRequest request, CancellationToken ct = default) =>
        SendFollowUpAsync(FlexPayPaths.RefundedPayment(transactionId), key, request, ct);

    /// <summary>An unknown id comes back as <see cref="FlexPayOutcome.NotFound"/>.</summary>
    public Task<TransactionResult> GetTransactionAsync(FlexPayApiKey key, string transactionId, CancellationToken ct = default) =>
        SendTransactionAsync(HttpMethod.Get, FlexPayPaths.Transaction(transactionId), key, body: null, movesMoney: false, ct);

    /// <summary>How to learn what became of a request whose outcome is unknown (timeout, dropped connection).</summary>
    public Task<TransactionResult> GetByMerchantTransactionIdAsync(FlexPayApiKey key, string merchantTransactionId, CancellationToken ct = default) =>
        SendTransactionAsync(HttpMethod.Get, FlexPayPaths.TransactionByMerchantTransactionId(merchantTransactionId), key, body: null, movesMoney: false, ct);

    /// <summary>
    /// Every transaction matching <paramref name="query"/>, page by page, following the last id of each page
    /// until FlexPay returns an empty one. A failed page throws <see cref="FlexPayException"/>.
    /// </summary>
    public async IAsyncEnumerable<FlexPayTransactionSummary> ListTransactionsAsync(
        FlexPayApiKey key, TransactionListQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(query);
        var since = query.SinceTransactionId;
        while (true)
        {
            var page = await SendAsync<TransactionListEnvelope, IReadOnlyList<FlexPayTransactionSummary>>(
                HttpMethod.Get, FlexPayPaths.TransactionList(query, since), key, body: null, envelope => envelope.Transactions, ct);
            if (!page.IsOk)
            {
                throw new FlexPayException(page.Outcome, page.HttpStatus, $"Listing FlexPay transactions failed: {page.Outcome} {page.ErrorMessage}");
            }

            var items = page.Value!;
            if (items.Count == 0)
            {
                yield break;
            }

            foreach (var item in items)
            {
                yield return item;
            }

            var last = items[^1].TransactionId;
            if (string.IsNullOrEmpty(last) || last == since)
            {
                // Asking again with the same continuation token would loop forever.
                throw new FlexPayException(FlexPayOutcome.ServerError, page.HttpStatus, "FlexPay's transaction list did not advance.");
            }

            since = last;
        }
    }

    private Task<TransactionResult> SendChargeAsync(string path, FlexPayApiKey key, ChargeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequireOneInstrument();
        return SendTransactionAsync(HttpMethod.Post, path, key, new TransactionEnvelope<ChargeRequest>(request), movesMoney: true, ct);
    }

    private Task<TransactionResult> SendFollowUpAsync(string path, FlexPayApiKey key, FollowUpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendTransactionAsync(HttpMethod.Post, path, key, new TransactionEnvelope<FollowUpRequest>(request), movesMoney: true, ct);
    }
}

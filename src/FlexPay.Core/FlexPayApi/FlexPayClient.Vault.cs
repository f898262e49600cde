using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

// Vault (flexpay-api.md §2.9): we keep only the token FlexPay returns, never the card.
public sealed partial class FlexPayClient
{
    /// <summary>
    /// Vaults a card. FlexPay answers with a <c>transaction</c> carrying the new <c>paymentMethod</c>;
    /// field errors (e.g. 50060, bad card length) arrive as HTTP 200 and classify as <see cref="FlexPayOutcome.ValidationError"/>.
    /// </summary>
    public Task<TransactionResult> CreatePaymentMethodAsync(FlexPayApiKey key, CreatePaymentMethodRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequireOneCard();
        return SendTransactionAsync(
            HttpMethod.Post, FlexPayPaths.PaymentMethods, key, new PaymentMethodEnvelope<CreatePaymentMethodRequest>(request), movesMoney: false, ct);
    }

    public Task<FlexPayResponse<FlexPayPaymentMethod>> GetPaymentMethodAsync(FlexPayApiKey key, string paymentMethodId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SendAsync<PaymentMethodEnvelope<FlexPayPaymentMethod>, FlexPayPaymentMethod>(
            HttpMethod.Get, FlexPayPaths.PaymentMethod(paymentMethodId), key, body: null, envelope => envelope.PaymentMethod, ct);
    }

    /// <summary>Erases the card from the vault; the answer's <c>paymentMethod.storageState</c> becomes <c>Redacted</c>.</summary>
    public Task<TransactionResult> RedactPaymentMethodAsync(FlexPayApiKey key, string paymentMethodId, CancellationToken ct = default) =>
        SendTransactionAsync(HttpMethod.Put, FlexPayPaths.RedactPaymentMethod(paymentMethodId), key, body: null, movesMoney: false, ct);
}

using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi.Wire;

/// <summary>The wire shape of <see cref="ChargeRequest"/>: one flat object with the instrument as <c>paymentMethod</c>.</summary>
internal sealed record ChargeBody
{
    public required string MerchantTransactionId { get; init; }

    public required string OrderId { get; init; }

    public string? Description { get; init; }

    public string? CustomerId { get; init; }

    public required string CurrencyCode { get; init; }

    public required long Amount { get; init; }

    public bool? RetainOnSuccess { get; init; }

    public PaymentMethodBody? PaymentMethod { get; init; }

    public string? PaymentMethodId { get; init; }

    public string? CustomerIp { get; init; }

    public string? GatewayToken { get; init; }

    public required int RetryCount { get; init; }

    public DateTimeOffset? DateFirstAttempt { get; init; }

    public bool DisableCustomerRecovery { get; init; }

    public string? ReferenceData { get; init; }

    public string? PaymentModel { get; init; }

    // The one capitalised request member FlexPay documents.
    [JsonPropertyName("References")]
    public ReferencesBody? References { get; init; }

    public override string ToString() => $"{nameof(ChargeBody)}({MerchantTransactionId})";

    public static ChargeBody From(ChargeRequest request)
    {
        var instruments = (request.Card is null ? 0 : 1) + (request.GatewayCard is null ? 0 : 1) + (request.PaymentMethodId is null ? 0 : 1);
        if (instruments > 1)
        {
            throw new ArgumentException("Give one instrument: a card, a payment method id or a gateway-stored card.", nameof(request));
        }

        return new ChargeBody
        {
            MerchantTransactionId = request.MerchantTransactionId,
            OrderId = request.OrderId,
            Description = request.Description,
            CustomerId = request.CustomerId,
            CurrencyCode = request.CurrencyCode,
            Amount = request.Amount,
            RetainOnSuccess = request.Card is null ? null : request.RetainOnSuccess,
            PaymentMethod = request.Card is { } card ? PaymentMethodBody.From(card)
                : request.GatewayCard is { } stored ? PaymentMethodBody.From(stored)
                : null,
            PaymentMethodId = request.PaymentMethodId,
            CustomerIp = request.CustomerIp,
            GatewayToken = request.GatewayToken,
            RetryCount = request.RetryCount,
            DateFirstAttempt = request.DateFirstAttempt,
            DisableCustomerRecovery = request.DisableCustomerRecovery,
            ReferenceData = request.ReferenceData,
            PaymentModel = request.PaymentModel,
            References = request.PreviousTransaction is { } previous ? new ReferencesBody(PreviousTransactionBody.From(previous)) : null,
        };
    }
}

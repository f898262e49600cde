namespace FlexPay.Core.FlexPayApi.Wire;

/// <summary>The vault's create body: <c>creditCard</c> or <c>gatewayPaymentMethod</c> (flexpay-api.md §2.9).</summary>
internal sealed record CreatePaymentMethodBody
{
    public string? CustomerId { get; init; }

    public PaymentMethodBody? CreditCard { get; init; }

    public PaymentMethodBody? GatewayPaymentMethod { get; init; }

    public static CreatePaymentMethodBody From(CreatePaymentMethodRequest request)
    {
        if ((request.Card is null) == (request.GatewayCard is null))
        {
            throw new ArgumentException("Give either a card or a gateway-stored card.", nameof(request));
        }

        return new CreatePaymentMethodBody
        {
            CustomerId = request.CustomerId,
            CreditCard = request.Card is { } card ? PaymentMethodBody.From(card) : null,
            GatewayPaymentMethod = request.GatewayCard is { } stored ? PaymentMethodBody.From(stored) : null,
        };
    }
}

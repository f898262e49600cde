namespace FlexPay.Core.FlexPayApi;

/// <summary>Vaults a card at FlexPay (<c>POST /v1/paymentmethods</c>): give <see cref="Card"/> or <see cref="GatewayCard"/>.</summary>
public sealed record CreatePaymentMethodRequest
{
    public string? CustomerId { get; init; }

    public CardDetails? Card { get; init; }

    public GatewayStoredCard? GatewayCard { get; init; }

    public override string ToString() =>
        $"{nameof(CreatePaymentMethodRequest)} {{ CustomerId = {CustomerId}, Instrument = {(object?)Card ?? GatewayCard} }}";
}

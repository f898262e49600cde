using System.Text.Json.Serialization;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// Vaults a card at FlexPay (<c>POST /v1/paymentmethods</c>, flexpay-api.md §2.9): give <see cref="Card"/> or
/// <see cref="GatewayCard"/>. Serialized as it stands.
/// </summary>
public sealed record CreatePaymentMethodRequest
{
    public string? CustomerId { get; init; }

    [JsonPropertyName("creditCard")]
    public CardDetails? Card { get; init; }

    [JsonPropertyName("gatewayPaymentMethod")]
    public GatewayStoredCard? GatewayCard { get; init; }

    public override string ToString() =>
        $"{nameof(CreatePaymentMethodRequest)} {{ CustomerId = {CustomerId}, Instrument = {(object?)Card ?? GatewayCard} }}";

    /// <summary>Refuses a request without exactly one card, before anything is sent.</summary>
    internal void RequireOneCard()
    {
        if ((Card is null) == (GatewayCard is null))
        {
            throw new ArgumentException("Give either a card or a gateway-stored card.", "request");
        }
    }
}

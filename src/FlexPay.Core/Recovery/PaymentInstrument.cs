namespace FlexPay.Core.Recovery;

/// <summary>
/// How the customer pays, without the card number: a FlexPay vault token or a gateway-stored card,
/// plus the non-sensitive card facts staff need to recognise it.
/// </summary>
public sealed record PaymentInstrument
{
    public string? PaymentMethodId { get; init; }

    public string? GatewayPaymentMethodId { get; init; }

    public string? CardBrand { get; init; }

    public string? FirstSixDigits { get; init; }

    public string? LastFourDigits { get; init; }

    public string? ExpiryMonth { get; init; }

    public string? ExpiryYear { get; init; }
}

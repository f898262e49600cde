namespace FlexPay.Core.FlexPayApi.Wire;

/// <summary>
/// The wire shape of a raw card (<c>creditCardNumber</c>...) or a gateway-stored card
/// (<c>gatewayPaymentMethodId</c>...); the members of the other shape stay null and are omitted.
/// </summary>
internal sealed record PaymentMethodBody
{
    public string? CreditCardNumber { get; init; }

    public string? GatewayPaymentMethodId { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    public string? FirstSixDigits { get; init; }

    public string? LastFourDigits { get; init; }

    public string? ExpiryMonth { get; init; }

    public string? ExpiryYear { get; init; }

    public string? Cvv { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? FullName { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public override string ToString() => nameof(PaymentMethodBody);

    public static PaymentMethodBody From(CardDetails card) => new()
    {
        CreditCardNumber = card.Number,
        ExpiryMonth = card.ExpiryMonth,
        ExpiryYear = card.ExpiryYear,
        Cvv = card.Cvv,
        FirstName = card.FirstName,
        LastName = card.LastName,
        FullName = card.FullName,
        Address1 = card.Address1,
        Address2 = card.Address2,
        PostalCode = card.PostalCode,
        City = card.City,
        State = card.State,
        Country = card.Country,
        Email = card.Email,
        PhoneNumber = card.PhoneNumber,
    };

    public static PaymentMethodBody From(GatewayStoredCard card) => new()
    {
        GatewayPaymentMethodId = card.GatewayPaymentMethodId,
        MerchantAccountReferenceId = card.MerchantAccountReferenceId,
        FirstSixDigits = card.FirstSixDigits,
        LastFourDigits = card.LastFourDigits,
        ExpiryMonth = card.ExpiryMonth,
        ExpiryYear = card.ExpiryYear,
        FirstName = card.FirstName,
        LastName = card.LastName,
        FullName = card.FullName,
        Address1 = card.Address1,
        Address2 = card.Address2,
        PostalCode = card.PostalCode,
        City = card.City,
        State = card.State,
        Country = card.Country,
        Email = card.Email,
        PhoneNumber = card.PhoneNumber,
    };
}

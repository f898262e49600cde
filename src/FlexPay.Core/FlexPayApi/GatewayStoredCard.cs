namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// A card stored at the merchant's gateway, named by the gateway's own token (charge variant 3).
/// The token lets anyone charge the card, so <see cref="ToString"/> masks it.
/// </summary>
public sealed record GatewayStoredCard
{
    /// <summary>The gateway's stored-card or customer token.</summary>
    public required string GatewayPaymentMethodId { get; init; }

    /// <summary>The MID the token belongs to.</summary>
    public string? MerchantAccountReferenceId { get; init; }

    public string? FirstSixDigits { get; init; }

    public string? LastFourDigits { get; init; }

    public string? ExpiryMonth { get; init; }

    public string? ExpiryYear { get; init; }

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

    public override string ToString() =>
        $"{nameof(GatewayStoredCard)}({Sensitive.Mask(GatewayPaymentMethodId, visibleSuffix: 4)}, " +
        $"{MerchantAccountReferenceId}, {FirstSixDigits}…{LastFourDigits})";
}

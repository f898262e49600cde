using FlexPay.Sandbox.Infrastructure;
using FlexPay.Sandbox.Transactions;

namespace FlexPay.Sandbox.Vault;

/// <summary>
/// A stored or cached payment method. The emulator keeps the full PAN (test data only) so a vaulted card
/// meets the same test-card rules as a raw one. Mutated only under the company's lock.
/// </summary>
internal sealed class VaultItem
{
    public const string Stored = "Stored";
    public const string Cached = "Cached";
    public const string Redacted = "Redacted";

    public required string Id { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required CardInput Card { get; set; }
    public string? CustomerId { get; set; }
    public string StorageState { get; set; } = Cached;

    public bool IsGatewayStored => Card.GatewayPaymentMethodId is not null;

    /// <summary>
    /// A new item. Its <c>fullName</c> is settled here, "First Last" when only the parts were sent (§2.1.2):
    /// a later update of the parts leaves it as it is (§4.11.9). A card without customer gets a generated one.
    /// </summary>
    public static VaultItem New(CardInput card, string? customerId, DateTimeOffset now, string storageState) => new()
    {
        Id = Tokens.New(),
        DateCreated = now,
        Card = card.FullName is null && (card.FirstName is not null || card.LastName is not null)
            ? card with { FullName = $"{card.FirstName} {card.LastName}".Trim() }
            : card,
        CustomerId = customerId ?? Guid.NewGuid().ToString(),
        StorageState = storageState,
    };

    /// <summary>The snapshot as the vault shows it; transaction answers adjust the fingerprint (§4.11.2).</summary>
    public PaymentMethodDto ToDto()
    {
        var card = Card;
        var pan = card.CreditCardNumber;
        // The later sandbox gives a gateway-stored card's digits as strings even when none were sent (§4.11.4).
        var firstSix = IsGatewayStored ? card.FirstSixDigits ?? "" : pan?[..Math.Min(6, pan.Length)];
        var lastFour = IsGatewayStored ? card.LastFourDigits ?? "" : pan?[Math.Max(0, pan.Length - 4)..];
        var masked = IsGatewayStored
            ? firstSix + "******" + lastFour
            : pan is { Length: > 10 } ? firstSix + new string('*', pan.Length - 10) + lastFour : pan;
        var redacted = StorageState == Redacted;
        return new PaymentMethodDto(
            Id,
            redacted ? "" : masked,
            card.ExpiryMonth,
            card.ExpiryYear,
            IsGatewayStored || string.IsNullOrEmpty(card.Cvv) ? "" : "***",
            card.FirstName,
            card.LastName,
            card.FullName,
            CustomerId,
            card.Address1,
            card.Address2,
            card.PostalCode,
            card.City,
            card.State,
            card.Country,
            card.Email,
            card.PhoneNumber,
            IsGatewayStored ? PaymentMethodDto.GatewayStored : PaymentMethodDto.CreditCard,
            Id,
            lastFour,
            firstSix,
            SandboxScenarios.CardType(IsGatewayStored ? firstSix : pan),
            WireTime.Format(DateCreated),
            StorageState,
            IsGatewayStored ? Optional.Of(card.GatewayPaymentMethodId) : default,
            IsGatewayStored ? Optional.Of(card.MerchantAccountReferenceId) : default);
    }
}

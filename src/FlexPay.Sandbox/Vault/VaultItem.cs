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

    public PaymentMethodDto ToDto()
    {
        var card = Card;
        var pan = card.CreditCardNumber;
        var firstSix = IsGatewayStored ? card.FirstSixDigits : pan?[..Math.Min(6, pan.Length)];
        var lastFour = IsGatewayStored ? card.LastFourDigits : pan?[Math.Max(0, pan.Length - 4)..];
        var masked = IsGatewayStored
            ? (firstSix ?? "") + "******" + (lastFour ?? "")
            : pan is { Length: > 10 } ? firstSix + new string('*', pan.Length - 10) + lastFour : pan;
        var fullName = card.FullName
            ?? (card.FirstName is not null || card.LastName is not null ? $"{card.FirstName} {card.LastName}".Trim() : null);
        var redacted = StorageState == Redacted;
        return new PaymentMethodDto(
            Id,
            redacted ? "" : masked,
            card.ExpiryMonth,
            card.ExpiryYear,
            IsGatewayStored || string.IsNullOrEmpty(card.Cvv) ? "" : "***",
            card.FirstName,
            card.LastName,
            fullName,
            CustomerId,
            card.Address1,
            card.Address2,
            card.PostalCode,
            card.City,
            card.State,
            card.Country,
            card.Email,
            card.PhoneNumber,
            IsGatewayStored ? "GatewayPaymentMethodId" : "CreditCard",
            Id,
            lastFour,
            firstSix,
            SandboxScenarios.CardType(IsGatewayStored ? firstSix : pan),
            WireTime.Format(DateCreated),
            StorageState,
            card.GatewayPaymentMethodId,
            card.MerchantAccountReferenceId);
    }
}

using System.Text.Json.Serialization;
using FlexPay.Sandbox.Infrastructure;

namespace FlexPay.Sandbox.Vault;

/// <summary>
/// The masked card snapshot of flexpay-api.md §2.1.5. The gateway-stored members are present only for a
/// gateway-stored card: a raw card's snapshot has neither (§4.11.3).
/// </summary>
internal sealed record PaymentMethodDto(
    string? PaymentMethodId,
    string? CreditCardNumber,
    string? ExpiryMonth,
    string? ExpiryYear,
    string? Cvv,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? CustomerId,
    string? Address1,
    string? Address2,
    string? PostalCode,
    string? City,
    string? State,
    string? Country,
    string? Email,
    string? PhoneNumber,
    string? PaymentMethodType,
    string? Fingerprint,
    string? LastFourDigits,
    string? FirstSixDigits,
    string? CardType,
    string? DateCreated,
    string? StorageState,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Optional<string?> GatewayPaymentMethodId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Optional<string?> MerchantAccountReferenceId)
{
    public const string CreditCard = "CreditCard";
    public const string GatewayStored = "GatewayPaymentMethodId";

    /// <summary>
    /// The card of an answer that resolved none, e.g. "original transaction not found" (§4.11.7): the card
    /// members null, a customer id, a real date, a cached credit card. The members §4.11.7 does not name keep
    /// their 2019 values (§2.2: empty strings).
    /// </summary>
    public static PaymentMethodDto Unresolved(string customerId, DateTimeOffset now) => new(
        "", null, null, null, null, null, null, null, customerId, null, null, null, null, null, null, null, null,
        CreditCard, null, "", "", null, WireTime.Format(now), VaultItem.Cached, default, default);
}

internal sealed record PaymentMethodEnvelope(PaymentMethodDto PaymentMethod);

internal sealed record PaymentMethodListEnvelope(IReadOnlyList<PaymentMethodEnvelope> PaymentMethods);

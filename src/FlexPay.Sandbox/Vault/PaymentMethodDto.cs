namespace FlexPay.Sandbox.Vault;

/// <summary>The masked card snapshot of flexpay-api.md §2.1.5; the gateway-stored members are always present.</summary>
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
    string? GatewayPaymentMethodId,
    string? MerchantAccountReferenceId)
{
    /// <summary>As sent with "original not found": empty strings rather than nulls (§2.2).</summary>
    public static readonly PaymentMethodDto Empty = new(
        "", "", "", "", "", null, null, null, null, null, null, null, null, null, null, null, null,
        "", "", "", "", "", null, "", null, null);
}

internal sealed record PaymentMethodEnvelope(PaymentMethodDto PaymentMethod);

internal sealed record PaymentMethodListEnvelope(IReadOnlyList<PaymentMethodEnvelope> PaymentMethods);

using System.Text.Json.Serialization;
using FlexPay.Core.FlexPayApi.Json;

namespace FlexPay.Core.FlexPayApi;

/// <summary>
/// FlexPay's snapshot of a payment method (in a transaction, or from the vault). The card number arrives
/// masked (<c>492020******9560</c>); <see cref="ToString"/> leaves it and the CVV out all the same.
/// </summary>
public sealed record FlexPayPaymentMethod
{
    public string? PaymentMethodId { get; init; }

    /// <summary>Masked by FlexPay, e.g. <c>492020******9560</c>.</summary>
    public string? CreditCardNumber { get; init; }

    [JsonConverter(typeof(TextConverter))]
    public string? ExpiryMonth { get; init; }

    [JsonConverter(typeof(TextConverter))]
    public string? ExpiryYear { get; init; }

    /// <summary><c>***</c> or empty.</summary>
    public string? Cvv { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? FullName { get; init; }

    public string? CustomerId { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    /// <summary><c>CreditCard</c> or <c>GatewayPaymentMethodId</c>.</summary>
    public string? PaymentMethodType { get; init; }

    public string? Fingerprint { get; init; }

    [JsonConverter(typeof(TextConverter))]
    public string? LastFourDigits { get; init; }

    [JsonConverter(typeof(TextConverter))]
    public string? FirstSixDigits { get; init; }

    /// <summary><c>VISA</c>, <c>MASTERCARD</c>, <c>AMERICAN EXPRESS</c>, ...</summary>
    public string? CardType { get; init; }

    public DateTimeOffset? DateCreated { get; init; }

    /// <summary><c>Stored</c>, <c>Cached</c> or <c>Redacted</c>.</summary>
    public string? StorageState { get; init; }

    public string? GatewayPaymentMethodId { get; init; }

    public string? MerchantAccountReferenceId { get; init; }

    public override string ToString() =>
        $"{nameof(FlexPayPaymentMethod)} {{ PaymentMethodId = {PaymentMethodId}, CardType = {CardType}, " +
        $"FirstSixDigits = {FirstSixDigits}, LastFourDigits = {LastFourDigits}, Expiry = {ExpiryMonth}/{ExpiryYear}, " +
        $"PaymentMethodType = {PaymentMethodType}, StorageState = {StorageState} }}";
}

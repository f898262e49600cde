using System.Globalization;
using System.Text.Json.Nodes;
using FlexPay.Sandbox.Infrastructure;

namespace FlexPay.Sandbox.Vault;

/// <summary>A card as sent: raw (§2.1.2) or gateway-stored (§2.1.3).</summary>
internal sealed record CardInput(
    string? CreditCardNumber,
    string? ExpiryMonth,
    string? ExpiryYear,
    string? Cvv,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? Address1,
    string? Address2,
    string? PostalCode,
    string? City,
    string? State,
    string? Country,
    string? Email,
    string? PhoneNumber,
    string? GatewayPaymentMethodId,
    string? MerchantAccountReferenceId,
    string? FirstSixDigits,
    string? LastFourDigits)
{
    public static CardInput Parse(JsonObject o) => new(
        o.Str("creditCardNumber")?.Trim(),
        Month(o.Str("expiryMonth")),
        o.Str("expiryYear")?.Trim(),
        o.Str("cvv"),
        o.Str("firstName"),
        o.Str("lastName"),
        o.Str("fullName"),
        o.Str("address1"),
        o.Str("address2"),
        o.Str("postalCode"),
        o.Str("city"),
        o.Str("state"),
        o.Str("country"),
        o.Str("email"),
        o.Str("phoneNumber"),
        o.Str("gatewayPaymentMethodId"),
        o.Str("merchantAccountReferenceId"),
        o.Str("firstSixDigits"),
        o.Str("lastFourDigits"));

    /// <summary>The wire zero-pads months ("07"); a bare 7 is accepted and padded.</summary>
    private static string? Month(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? month.ToString("00", CultureInfo.InvariantCulture)
            : value;

    /// <summary>The 5xxxx code for a card that cannot be charged or vaulted, or null.</summary>
    public string? Invalid()
    {
        if (GatewayPaymentMethodId is not null)
        {
            return GatewayPaymentMethodId.Length > FieldLimits.Token ? "50139" : null;
        }
        if (string.IsNullOrWhiteSpace(CreditCardNumber))
        {
            return "50059";
        }
        if (CreditCardNumber.Length is < 12 or > 19 || !CreditCardNumber.All(char.IsAsciiDigit))
        {
            return "50060";
        }
        if (string.IsNullOrWhiteSpace(ExpiryMonth))
        {
            return "50055";
        }
        if (ExpiryMonth.Length != 2
            || !int.TryParse(ExpiryMonth, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
        {
            return "50056";
        }
        if (string.IsNullOrWhiteSpace(ExpiryYear))
        {
            return "50057";
        }
        if (ExpiryYear.Length != 4 || !ExpiryYear.All(char.IsAsciiDigit))
        {
            return "50058";
        }
        if (!IsNamed)
        {
            return "50090";
        }
        return Email?.Length > FieldLimits.Email ? "50015" : null;
    }

    /// <summary>
    /// The vault also wants names on a gateway-stored card (§4.11.8). A charge through one does not: the
    /// recordings show the rule only on creation, and the console charges gateway-stored cards by token and digits.
    /// </summary>
    public string? InvalidForVault() => Invalid() ?? (IsNamed ? null : "50090");

    /// <summary>§2.1.2: <c>fullName</c>, or both <c>firstName</c> and <c>lastName</c>.</summary>
    private bool IsNamed => !string.IsNullOrWhiteSpace(FullName)
        || (!string.IsNullOrWhiteSpace(FirstName) && !string.IsNullOrWhiteSpace(LastName));
}

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FlexPay.Core.Money;

/// <summary>
/// The currencies the console accepts. The exponent decides how minor units are shown and
/// parsed; an amount is never converted through floating point.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, Currency> ByCode = new Currency[]
    {
        new("USD", 2, "US dollar"),
        new("EUR", 2, "Euro"),
        new("GBP", 2, "Pound sterling"),
        new("CAD", 2, "Canadian dollar"),
        new("AUD", 2, "Australian dollar"),
        new("NZD", 2, "New Zealand dollar"),
        new("CHF", 2, "Swiss franc"),
        new("SEK", 2, "Swedish krona"),
        new("NOK", 2, "Norwegian krone"),
        new("DKK", 2, "Danish krone"),
        new("PLN", 2, "Polish zloty"),
        new("MXN", 2, "Mexican peso"),
        new("BRL", 2, "Brazilian real"),
        new("INR", 2, "Indian rupee"),
        new("SGD", 2, "Singapore dollar"),
        new("HKD", 2, "Hong Kong dollar"),
        new("ZAR", 2, "South African rand"),
        new("JPY", 0, "Japanese yen"),
        new("KRW", 0, "South Korean won"),
        new("ISK", 0, "Icelandic krona"),
        new("CLP", 0, "Chilean peso"),
        new("BHD", 3, "Bahraini dinar"),
        new("KWD", 3, "Kuwaiti dinar"),
        new("JOD", 3, "Jordanian dinar"),
        new("OMR", 3, "Omani rial"),
        new("TND", 3, "Tunisian dinar"),
    }.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static IEnumerable<Currency> All => ByCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public static bool TryFind(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        return code is not null && ByCode.TryGetValue(code, out currency);
    }

    public static Currency Get(string code) =>
        TryFind(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not a supported ISO 4217 currency code.", nameof(code));

    public static bool IsSupported(string? code) => code is not null && ByCode.ContainsKey(code);
}

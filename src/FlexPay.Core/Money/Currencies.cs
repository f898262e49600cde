using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FlexPay.Core.Money;

/// <summary>
/// The currencies the console accepts. The exponent decides how minor units are shown and parsed; an amount is
/// never converted through floating point. The last column is the largest payment taken, in major units (about a
/// million US dollars' worth, rounded): the intake refuses more, so 10 billion yen cannot pass for 100 million dollars.
/// </summary>
public static class Currencies
{
    private static readonly FrozenDictionary<string, Currency> ByCode = new Currency[]
    {
        new("USD", 2, "US dollar", 1_000_000),
        new("EUR", 2, "Euro", 1_000_000),
        new("GBP", 2, "Pound sterling", 1_000_000),
        new("CAD", 2, "Canadian dollar", 1_000_000),
        new("AUD", 2, "Australian dollar", 1_000_000),
        new("NZD", 2, "New Zealand dollar", 1_000_000),
        new("CHF", 2, "Swiss franc", 1_000_000),
        new("SEK", 2, "Swedish krona", 10_000_000),
        new("NOK", 2, "Norwegian krone", 10_000_000),
        new("DKK", 2, "Danish krone", 10_000_000),
        new("PLN", 2, "Polish zloty", 5_000_000),
        new("MXN", 2, "Mexican peso", 20_000_000),
        new("BRL", 2, "Brazilian real", 5_000_000),
        new("INR", 2, "Indian rupee", 100_000_000),
        new("SGD", 2, "Singapore dollar", 1_000_000),
        new("HKD", 2, "Hong Kong dollar", 10_000_000),
        new("ZAR", 2, "South African rand", 20_000_000),
        new("JPY", 0, "Japanese yen", 150_000_000),
        new("KRW", 0, "South Korean won", 1_500_000_000),
        new("ISK", 0, "Icelandic krona", 150_000_000),
        new("CLP", 0, "Chilean peso", 1_000_000_000),
        new("BHD", 3, "Bahraini dinar", 400_000),
        new("KWD", 3, "Kuwaiti dinar", 300_000),
        new("JOD", 3, "Jordanian dinar", 700_000),
        new("OMR", 3, "Omani rial", 400_000),
        new("TND", 3, "Tunisian dinar", 3_000_000),
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

using System.Globalization;

namespace FlexPay.Core.Money;

/// <summary>An amount in minor units of one currency. Never a double.</summary>
public readonly record struct MoneyAmount
{
    public MoneyAmount(long minorUnits, string currencyCode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnits);
        MinorUnits = minorUnits;
        Currency = Currencies.Get(currencyCode);
    }

    public long MinorUnits { get; }

    public Currency Currency { get; }

    public string CurrencyCode => Currency.Code;

    /// <summary>The amount in major units, exact (decimal has 28 significant digits).</summary>
    public decimal Major => (decimal)MinorUnits / Currency.MinorUnitsPerMajor;

    /// <summary>Parses a major-unit amount such as "12.50" into minor units; refuses more decimals than the currency has.</summary>
    public static bool TryParseMajor(decimal major, string currencyCode, out MoneyAmount amount)
    {
        amount = default;
        if (!Currencies.TryFind(currencyCode, out var currency) || major < 0)
        {
            return false;
        }
        var minor = major * currency.MinorUnitsPerMajor;
        if (minor != decimal.Truncate(minor) || minor > long.MaxValue)
        {
            return false;
        }
        amount = new MoneyAmount((long)minor, currency.Code);
        return true;
    }

    public MoneyAmount Add(MoneyAmount other) => new(checked(MinorUnits + RequireSameCurrency(other).MinorUnits), CurrencyCode);

    public MoneyAmount Subtract(MoneyAmount other) => new(checked(MinorUnits - RequireSameCurrency(other).MinorUnits), CurrencyCode);

    /// <summary>"12.50 USD", "1,200 JPY", "1.250 BHD": invariant, with the currency's own decimals.</summary>
    public override string ToString() =>
        Major.ToString("N" + Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + CurrencyCode;

    private MoneyAmount RequireSameCurrency(MoneyAmount other) =>
        other.CurrencyCode == CurrencyCode
            ? other
            : throw new InvalidOperationException($"Cannot combine {CurrencyCode} with {other.CurrencyCode}.");
}

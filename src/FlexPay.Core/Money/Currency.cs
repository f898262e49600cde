namespace FlexPay.Core.Money;

/// <summary>
/// An ISO 4217 currency, the number of decimals its minor unit has, and the largest payment the console takes in
/// it (<paramref name="MaxMajorUnits"/>, in major units: about a million US dollars' worth).
/// </summary>
public sealed record Currency(string Code, int Exponent, string Name, long MaxMajorUnits)
{
    /// <summary>How many minor units make one major unit (100 for USD, 1 for JPY, 1000 for BHD).</summary>
    public long MinorUnitsPerMajor { get; } = Pow10(Exponent);

    /// <summary>The largest payment in minor units, the unit amounts travel in.</summary>
    public long MaxMinorUnits => MaxMajorUnits * MinorUnitsPerMajor;

    private static long Pow10(int exponent)
    {
        var value = 1L;
        for (var i = 0; i < exponent; i++)
        {
            value *= 10;
        }
        return value;
    }
}

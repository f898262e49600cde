namespace FlexPay.Core.Money;

/// <summary>An ISO 4217 currency and the number of decimals its minor unit has.</summary>
public sealed record Currency(string Code, int Exponent, string Name)
{
    /// <summary>How many minor units make one major unit (100 for USD, 1 for JPY, 1000 for BHD).</summary>
    public long MinorUnitsPerMajor { get; } = Pow10(Exponent);

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

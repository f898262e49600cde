using FlexPay.Core.Money;

namespace FlexPay.Core.Tests.Money;

public class MoneyAmountTests
{
    [Theory]
    [InlineData(2008, "USD", "20.08 USD")]
    [InlineData(1500, "JPY", "1,500 JPY")]
    [InlineData(1250, "BHD", "1.250 BHD")]
    [InlineData(5, "EUR", "0.05 EUR")]
    public void Amounts_are_shown_with_the_currencys_own_decimals(long minor, string currency, string expected) =>
        Assert.Equal(expected, new MoneyAmount(minor, currency).ToString());

    [Theory]
    [InlineData("12.50", "USD", 1250)]
    [InlineData("1500", "JPY", 1500)]
    [InlineData("1.234", "KWD", 1234)]
    public void Major_amounts_parse_exactly_into_minor_units(string major, string currency, long expected)
    {
        Assert.True(MoneyAmount.TryParseMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency, out var amount));
        Assert.Equal(expected, amount.MinorUnits);
    }

    [Theory]
    [InlineData("12.505", "USD")]
    [InlineData("1.5", "JPY")]
    [InlineData("-1", "USD")]
    [InlineData("10", "XXX")]
    public void Amounts_the_currency_cannot_hold_are_refused(string major, string currency) =>
        Assert.False(MoneyAmount.TryParseMajor(decimal.Parse(major, System.Globalization.CultureInfo.InvariantCulture), currency, out _));

    [Fact]
    public void Different_currencies_are_never_added() =>
        Assert.Throws<InvalidOperationException>(() => new MoneyAmount(100, "USD").Add(new MoneyAmount(100, "EUR")));

    [Fact]
    public void An_unknown_currency_is_refused() =>
        Assert.Throws<ArgumentException>(() => new MoneyAmount(100, "ABC"));
}

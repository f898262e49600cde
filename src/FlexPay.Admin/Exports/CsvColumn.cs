using System.Globalization;
using FlexPay.Core.Money;

namespace FlexPay.Admin.Exports;

/// <summary>
/// One column of a CSV export: its header and how a row's cell is written. The factories are the only way times and
/// amounts reach a file, so every export writes them alike: times as <see cref="TimeFormat"/> in UTC (which Excel reads
/// as a date) under a header that says "(UTC)", amounts in major units with a dot, in their own column beside the currency.
/// </summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Cell);

/// <summary>The kinds of <see cref="CsvColumn{T}"/>, each written one way.</summary>
public static class CsvColumn
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static CsvColumn<T> Text<T>(string header, Func<T, string?> cell) => new CsvColumn<T>(header, cell);

    public static CsvColumn<T> Number<T>(string header, Func<T, long?> cell) =>
        new CsvColumn<T>(header, row => cell(row)?.ToString(CultureInfo.InvariantCulture));

    public static CsvColumn<T> Time<T>(string header, Func<T, DateTimeOffset?> cell) =>
        new CsvColumn<T>($"{header} (UTC)", row => cell(row)?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));

    /// <summary>A share as a percentage with one decimal ("58.8" for 0.588), under a header that says "(%)".</summary>
    public static CsvColumn<T> Percent<T>(string header, Func<T, double?> cell) =>
        new CsvColumn<T>($"{header} (%)", row => (cell(row) * 100)?.ToString("F1", CultureInfo.InvariantCulture));

    /// <summary>"1500.00" for 1,500 USD and "1500" for 1,500 JPY: no thousands separator, so a spreadsheet reads a number.</summary>
    public static CsvColumn<T> Amount<T>(string header, Func<T, MoneyAmount?> cell) =>
        new CsvColumn<T>(header, row => cell(row) is { } amount
            ? amount.Major.ToString("F" + amount.Currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : null);
}

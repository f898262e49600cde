using System.Text;
using FlexPay.Admin.Exports;
using FlexPay.Core.Money;

namespace FlexPay.Admin.Tests.Exports;

/// <summary>The one CSV writer every export uses: what a spreadsheet and an RFC 4180 reader get from it.</summary>
public sealed class CsvExportTests
{
    private sealed record Row(string? Text, DateTimeOffset? At, MoneyAmount? Amount, long? Count);

    private static readonly IReadOnlyList<CsvColumn<Row>> Columns =
    [
        CsvColumn.Text<Row>("Text", r => r.Text),
        CsvColumn.Time<Row>("At", r => r.At),
        CsvColumn.Amount<Row>("Amount", r => r.Amount),
        CsvColumn.Number<Row>("Count", r => r.Count),
    ];

    [Fact]
    public async Task The_file_starts_with_a_byte_order_mark_and_a_header_naming_utc_and_ends_each_record_with_crlf()
    {
        var bytes = await WriteAsync(new Row("plain", null, null, null));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Text,At (UTC),Amount,Count\r\nplain,,,\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Times_are_written_in_utc_as_excel_reads_them_and_amounts_in_major_units_with_the_currency_s_decimals()
    {
        var paris = new DateTimeOffset(2026, 12, 1, 23, 5, 9, TimeSpan.FromHours(1));

        var lines = await LinesAsync(
            new Row("a", paris, new MoneyAmount(150_000, "USD"), 3),
            new Row("b", paris, new MoneyAmount(1500, "JPY"), 0),
            new Row("c", paris, new MoneyAmount(1250, "BHD"), null));

        Assert.Equal(["a,2026-12-01 22:05:09,1500.00,3", "b,2026-12-01 22:05:09,1500,0", "c,2026-12-01 22:05:09,1.250,"], lines[1..]);
    }

    [Fact]
    public async Task Separators_quotes_and_line_breaks_are_quoted_as_rfc_4180_says()
    {
        var lines = await LinesAsync(new Row("Doe, Jane \"JD\"", null, null, null), new Row("two\nlines", null, null, null));

        Assert.Equal(["\"Doe, Jane \"\"JD\"\"\",,,", "\"two\nlines\",,,"], lines[1..]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public async Task A_cell_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_quote(string formula)
    {
        var text = Encoding.UTF8.GetString((await WriteAsync(new Row(formula, null, null, null)))[3..]);

        var cell = text["Text,At (UTC),Amount,Count\r\n".Length..^",,,\r\n".Length];
        Assert.Equal("\"'" + formula.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", cell);
    }

    private static async Task<byte[]> WriteAsync(params Row[] rows)
    {
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(stream, Columns, rows.ToAsyncEnumerable());
        return stream.ToArray();
    }

    private static async Task<string[]> LinesAsync(params Row[] rows) =>
        Encoding.UTF8.GetString((await WriteAsync(rows))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}

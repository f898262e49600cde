using CsvHelper;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The one way the console writes CSV (every list's export, on the screens and in the API): RFC 4180 by CsvHelper,
/// UTF-8 with a byte order mark (so Excel reads accents and e-mails right), a cell starting with = + - @ tab or CR
/// prefixed with a quote so a spreadsheet shows it as text instead of running it, and rows streamed to the response
/// as they are read, so a million-row export never sits in memory.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
    };

    /// <summary>A download named <paramref name="name"/> plus the UTC time of the export, written as the response is sent.</summary>
    public static IResult Result<T>(
        string name, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, TimeProvider clock, CancellationToken ct) =>
        Results.Stream(
            body => WriteAsync(body, columns, rows, ct),
            ContentType,
            $"{name}-{clock.GetUtcNow():yyyyMMdd-HHmmss}.csv");

    public static async Task WriteAsync<T>(Stream destination, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync([.. columns.Select(c => c.Header)], ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await csv.WriteRecordAsync([.. columns.Select(c => c.Cell(row))], ct);
        }
        await csv.FlushAsync(ct);
    }
}

using FlexPay.Admin.Components.Pages.Dashboard;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Exports;

/// <summary>
/// The dashboard's "declines and recoveries per currency" table for a period, as CSV: one line per currency (an
/// aggregate, so a few lines whatever the number of chains), each saying which period it counts.
/// </summary>
public sealed class DashboardExport(IDbContextFactory<FlexPayDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The columns for the period <paramref name="from"/>–<paramref name="to"/>.</summary>
    public static IReadOnlyList<CsvColumn<PeriodCurrencyTotal>> Columns(DateTimeOffset from, DateTimeOffset to) =>
    [
        CsvColumn.Time<PeriodCurrencyTotal>("From", _ => from),
        CsvColumn.Time<PeriodCurrencyTotal>("To", _ => to),
        CsvColumn.Text<PeriodCurrencyTotal>("Currency", t => t.CurrencyCode),
        CsvColumn.Number<PeriodCurrencyTotal>("Declined", t => t.Declined),
        CsvColumn.Amount<PeriodCurrencyTotal>("Declined amount", t => t.DeclinedAmount),
        CsvColumn.Number<PeriodCurrencyTotal>("In recovery", t => t.InRecovery),
        CsvColumn.Number<PeriodCurrencyTotal>("Recovered", t => t.Recovered),
        CsvColumn.Amount<PeriodCurrencyTotal>("Recovered amount", t => t.RecoveredAmount),
        CsvColumn.Percent<PeriodCurrencyTotal>("Recovery rate", t => t.RecoveryRate),
    ];

    public async Task<IResult> DownloadAsync(DateTimeOffset from, DateTimeOffset to, bool includeCertification, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var totals = await DashboardPeriod.PerCurrencyAsync(db, from, to, includeCertification, ct);
        return CsvExport.Result("recoveries-per-currency", Columns(from, to), totals.ToAsyncEnumerable(), clock, ct);
    }
}

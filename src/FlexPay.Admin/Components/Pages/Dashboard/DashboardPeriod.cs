using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's numbers over a chosen period, aggregated in the database (no chain is loaded), so they stay
/// cheap at 100,000 chains. Amounts are per currency, never added across currencies. What certification runs made
/// (chains, their attempts, gateways) counts only when included.
/// </summary>
public sealed record DashboardPeriod(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<PeriodCurrencyTotal> Currencies,
    int RetriesDueNext24Hours,
    ScheduleAdherence Adherence,
    int GatewaysPending,
    int GatewaysFailed,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyDictionary<string, int[]> RecoveriesPerDay)
{
    /// <summary>A retry sent more than this after FlexPay's retry date counts as late ("missed schedule" in FlexPay's portal).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromSeconds(1);

    private const int MaxChartDays = 62;

    public static async Task<DashboardPeriod> LoadAsync(
        FlexPayDbContext db, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, bool includeCertification, CancellationToken ct = default)
    {
        var currencies = await PerCurrencyAsync(db, from, to, includeCertification, ct);
        var chains = db.Chains.AsNoTracking().Shown(includeCertification);

        var dueUntil = now.AddHours(24);
        var due = await db.Attempts.AsNoTracking()
            .CountAsync(a => a.Status == AttemptStatus.Scheduled && a.DueAt >= now && a.DueAt < dueUntil && chains.Any(c => c.Id == a.ChainId), ct);

        var adherence = await ScheduleAdherence.LoadAsync(db, from, to, includeCertification, ct);

        var sync = await db.Gateways.AsNoTracking().Shown(includeCertification)
            .Where(g => g.SyncState != GatewaySyncState.InSync)
            .GroupBy(g => g.SyncState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);

        var (days, perDay) = await RecoveriesPerDayAsync(db, from, to, includeCertification, ct);

        return new DashboardPeriod(
            from, to,
            currencies,
            due,
            adherence,
            sync.GetValueOrDefault(GatewaySyncState.Pending),
            sync.GetValueOrDefault(GatewaySyncState.Failed),
            days,
            perDay);
    }

    /// <summary>
    /// Declines handed over in the period, per currency, and what became of them (a cohort: the rate is recovered /
    /// declined): the dashboard's table and its CSV export.
    /// </summary>
    public static async Task<IReadOnlyList<PeriodCurrencyTotal>> PerCurrencyAsync(
        FlexPayDbContext db, DateTimeOffset from, DateTimeOffset to, bool includeCertification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var recovered = ChainStateGroups.Recovered;
        var open = ChainStateGroups.Open;
        var cohort = await db.Chains.AsNoTracking().Shown(includeCertification)
            .Where(c => c.CreatedAt >= from && c.CreatedAt < to)
            .GroupBy(c => c.CurrencyCode)
            .Select(g => new
            {
                Currency = g.Key,
                Declined = g.Count(),
                DeclinedAmount = g.Sum(c => c.Amount),
                InRecovery = g.Count(c => open.Contains(c.State)),
                Recovered = g.Count(c => recovered.Contains(c.State)),
                RecoveredAmount = g.Sum(c => recovered.Contains(c.State) ? c.Amount : 0L),
            })
            .ToListAsync(ct);
        return [.. cohort.OrderBy(c => c.Currency, StringComparer.Ordinal).Select(c => new PeriodCurrencyTotal(
            c.Currency, c.Declined, new MoneyAmount(c.DeclinedAmount, c.Currency), c.InRecovery, c.Recovered, new MoneyAmount(c.RecoveredAmount, c.Currency)))];
    }

    /// <summary>Recovered chains per UTC day and currency: a count per day, so currencies never mix.</summary>
    private static async Task<(IReadOnlyList<DateOnly>, IReadOnlyDictionary<string, int[]>)> RecoveriesPerDayAsync(
        FlexPayDbContext db, DateTimeOffset from, DateTimeOffset to, bool includeCertification, CancellationToken ct)
    {
        var firstDay = DateOnly.FromDateTime(from.UtcDateTime);
        var lastDay = DateOnly.FromDateTime(to.UtcDateTime.AddTicks(-1));
        if (lastDay.DayNumber - firstDay.DayNumber >= MaxChartDays)
        {
            firstDay = lastDay.AddDays(-(MaxChartDays - 1));
        }
        var days = Enumerable.Range(0, lastDay.DayNumber - firstDay.DayNumber + 1).Select(firstDay.AddDays).ToList();
        // Times are stored as UTC ticks; a day is a whole number of ticks, so SQL groups by day without reading rows out.
        // "CertificationRunId" is CertificationTag.RunId, the tag certification runs' chains carry.
        var rows = await db.Database.SqlQuery<DayCount>($"""
            SELECT "CurrencyCode" AS "Currency", "RecoveredAt" / {TimeSpan.TicksPerDay} AS "Day", COUNT(*) AS "Count"
            FROM "Chains"
            WHERE "RecoveredAt" IS NOT NULL AND "RecoveredAt" >= {from.UtcTicks} AND "RecoveredAt" < {to.UtcTicks}
              AND ({includeCertification} OR "CertificationRunId" IS NULL)
            GROUP BY "CurrencyCode", "RecoveredAt" / {TimeSpan.TicksPerDay}
            """).ToListAsync(ct);
        var perCurrency = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var index = (int)(row.Day - new DateTime(firstDay, TimeOnly.MinValue, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerDay);
            if (index < 0 || index >= days.Count)
            {
                continue;
            }
            if (!perCurrency.TryGetValue(row.Currency, out var counts))
            {
                perCurrency[row.Currency] = counts = new int[days.Count];
            }
            counts[index] += row.Count;
        }
        return (days, perCurrency);
    }

    private sealed record DayCount(string Currency, long Day, int Count);
}

/// <summary>One currency over the period: declines handed over, still in recovery, and recovered.</summary>
public sealed record PeriodCurrencyTotal(string CurrencyCode, int Declined, MoneyAmount DeclinedAmount, int InRecovery, int Recovered, MoneyAmount RecoveredAmount)
{
    public double? RecoveryRate => Declined == 0 ? null : (double)Recovered / Declined;
}

/// <summary>How closely retries were sent at FlexPay's retry date: how many, how many late, and the 95th percentile of lateness.</summary>
public sealed record ScheduleAdherence(int Sent, int Late, TimeSpan? P95Lateness)
{
    public static async Task<ScheduleAdherence> LoadAsync(FlexPayDbContext db, DateTimeOffset from, DateTimeOffset to, bool includeCertification, CancellationToken ct)
    {
        // Lateness is SentAt - FlexPayRetryDate in UTC ticks, computed and ranked by the database. A certification run's
        // attempts belong to chains tagged in "CertificationRunId" (CertificationTag.RunId), few and read from its partial index.
        var sent = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value" FROM "Attempts"
            WHERE "FlexPayRetryDate" IS NOT NULL AND "SentAt" IS NOT NULL AND "FlexPayRetryDate" >= {from.UtcTicks} AND "FlexPayRetryDate" < {to.UtcTicks}
              AND ({includeCertification} OR "ChainId" NOT IN (SELECT "Id" FROM "Chains" WHERE "CertificationRunId" IS NOT NULL))
            """).SingleAsync(ct);
        if (sent == 0)
        {
            return new ScheduleAdherence(0, 0, null);
        }
        var late = await db.Database.SqlQuery<int>($"""
            SELECT COUNT(*) AS "Value" FROM "Attempts"
            WHERE "FlexPayRetryDate" IS NOT NULL AND "SentAt" IS NOT NULL AND "FlexPayRetryDate" >= {from.UtcTicks} AND "FlexPayRetryDate" < {to.UtcTicks}
              AND ({includeCertification} OR "ChainId" NOT IN (SELECT "Id" FROM "Chains" WHERE "CertificationRunId" IS NOT NULL))
              AND "SentAt" - "FlexPayRetryDate" > {DashboardPeriod.LateAfter.Ticks}
            """).SingleAsync(ct);
        var rank = (int)Math.Ceiling(sent * 0.95) - 1;
        var p95 = await db.Database.SqlQuery<long>($"""
            SELECT "SentAt" - "FlexPayRetryDate" AS "Value" FROM "Attempts"
            WHERE "FlexPayRetryDate" IS NOT NULL AND "SentAt" IS NOT NULL AND "FlexPayRetryDate" >= {from.UtcTicks} AND "FlexPayRetryDate" < {to.UtcTicks}
              AND ({includeCertification} OR "ChainId" NOT IN (SELECT "Id" FROM "Chains" WHERE "CertificationRunId" IS NOT NULL))
            ORDER BY 1 LIMIT 1 OFFSET {rank}
            """).SingleAsync(ct);
        return new ScheduleAdherence(sent, late, TimeSpan.FromTicks(Math.Max(0, p95)));
    }
}

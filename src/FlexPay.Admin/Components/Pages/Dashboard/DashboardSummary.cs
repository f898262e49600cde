using FlexPay.Core.Certification;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's numbers: chains per state, and money recovered per currency (never added across currencies); certification
/// runs' chains only when included.
/// </summary>
public sealed record DashboardSummary(IReadOnlyDictionary<ChainState, int> ChainsByState, IReadOnlyList<CurrencyTotal> RecoveredByCurrency)
{
    public int TotalChains => ChainsByState.Values.Sum();

    public int Count(params IReadOnlyList<ChainState> states) => states.Sum(s => ChainsByState.GetValueOrDefault(s));

    public static async Task<DashboardSummary> LoadAsync(FlexPayDbContext db, bool includeCertification, CancellationToken ct = default)
    {
        var byState = await db.Chains.AsNoTracking().Shown(includeCertification)
            .GroupBy(c => c.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, ct);
        var byCurrency = await db.Chains.AsNoTracking().Shown(includeCertification)
            .Where(c => ChainStateGroups.Recovered.Contains(c.State))
            .GroupBy(c => c.CurrencyCode)
            .Select(g => new { Currency = g.Key, Chains = g.Count(), Recovered = g.Sum(c => c.Amount), Refunded = g.Sum(c => c.RefundedAmount) })
            .ToListAsync(ct);
        return new DashboardSummary(
            byState,
            [.. byCurrency
                .OrderBy(c => c.Currency, StringComparer.Ordinal)
                .Select(c => new CurrencyTotal(c.Chains, new MoneyAmount(c.Recovered, c.Currency), new MoneyAmount(c.Refunded, c.Currency)))]);
    }
}

/// <summary>What was recovered in one currency, and how much of it was refunded since.</summary>
public sealed record CurrencyTotal(int Chains, MoneyAmount Recovered, MoneyAmount Refunded)
{
    public string CurrencyCode => Recovered.CurrencyCode;

    public MoneyAmount Kept => Recovered.Subtract(Refunded);
}

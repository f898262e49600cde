using FlexPay.Core.Certification;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Components.Pages.Recoveries;

public sealed record ChainQuery(int Page, int PageSize, ChainFilter Filter, string? SortBy = null, bool Descending = false);

/// <summary>One line of the recoveries grid.</summary>
public sealed record ChainRow(
    Guid Id, DateTimeOffset CreatedAt, string OrderId, string CustomerId, MoneyAmount Amount, ChainState State, string? StateReason,
    DateTimeOffset? NextAttemptDueAt, int Attempts, string? CardBrand, string? LastFourDigits, bool IsCertification = false)
{
    /// <summary>Sort key of the amount column: by currency first, so amounts of different currencies are never compared.</summary>
    public long AmountMinor => Amount.MinorUnits;
}

public sealed record ChainPage(IReadOnlyList<ChainRow> Rows, int Total);

/// <summary>
/// The recoveries grid's query: filters on indexed columns, projected to rows (no Include), counted and paged
/// in the database, so it stays quick with a hundred thousand chains.
/// </summary>
public sealed class ChainSearch(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    /// <summary>
    /// Up to this many chains carrying the filtered gateway token, a page gathers them all and sorts them; beyond it, walking
    /// the sort order and probing each chain reaches a page sooner (docs/decisions/007).
    /// </summary>
    private const int GatherGatewayChainsUpTo = 2_000;

    public async Task<ChainPage> ListAsync(ChainQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filter = query.Filter.Normalized();
        var filtered = Filter(db, filter);
        var gateway = filter.Gateway;
        var matching = gateway is null ? filtered : GatheringGateway(filtered, db, gateway);
        var total = await matching.CountAsync(ct);
        var chains = gateway is not null && total > GatherGatewayChainsUpTo ? ProbingGateway(filtered, db, gateway) : matching;
        chains = (query.SortBy, query.Descending) switch
        {
            (nameof(ChainRow.OrderId), false) => chains.OrderBy(c => c.OrderId),
            (nameof(ChainRow.OrderId), true) => chains.OrderByDescending(c => c.OrderId),
            (nameof(ChainRow.CustomerId), false) => chains.OrderBy(c => c.CustomerId),
            (nameof(ChainRow.CustomerId), true) => chains.OrderByDescending(c => c.CustomerId),
            (nameof(ChainRow.AmountMinor), false) => chains.OrderBy(c => c.CurrencyCode).ThenBy(c => c.Amount),
            (nameof(ChainRow.AmountMinor), true) => chains.OrderBy(c => c.CurrencyCode).ThenByDescending(c => c.Amount),
            (nameof(ChainRow.State), false) => chains.OrderBy(c => c.State).ThenByDescending(c => c.CreatedAt),
            (nameof(ChainRow.State), true) => chains.OrderByDescending(c => c.State).ThenByDescending(c => c.CreatedAt),
            (nameof(ChainRow.NextAttemptDueAt), false) => chains.OrderBy(c => c.NextAttemptDueAt == null).ThenBy(c => c.NextAttemptDueAt),
            // SQLite sorts NULL lowest, so descending leaves chains without a retry last by itself (reading the index backwards);
            // PostgreSQL sorts NULL highest and must be told (decision 014).
            (nameof(ChainRow.NextAttemptDueAt), true) => db.Database.IsNpgsql()
                ? chains.OrderBy(c => c.NextAttemptDueAt == null).ThenByDescending(c => c.NextAttemptDueAt)
                : chains.OrderByDescending(c => c.NextAttemptDueAt),
            (nameof(ChainRow.CreatedAt), false) => chains.OrderBy(c => c.CreatedAt),
            _ => chains.OrderByDescending(c => c.CreatedAt),
        };
        var page = await chains
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(c => new
            {
                c.Id,
                c.CreatedAt,
                c.OrderId,
                c.CustomerId,
                c.Amount,
                c.CurrencyCode,
                c.State,
                c.StateReason,
                c.NextAttemptDueAt,
                Attempts = db.Attempts.Count(a => a.ChainId == c.Id),
                c.Instrument.CardBrand,
                c.Instrument.LastFourDigits,
                CertificationRunId = EF.Property<Guid?>(c, CertificationTag.RunId),
            })
            .ToListAsync(ct);
        return new ChainPage(
            [.. page.Select(c => new ChainRow(
                c.Id, c.CreatedAt, c.OrderId, c.CustomerId, new MoneyAmount(c.Amount, c.CurrencyCode), c.State, c.StateReason,
                c.NextAttemptDueAt, c.Attempts, c.CardBrand, c.LastFourDigits, c.CertificationRunId is not null))],
            total);
    }

    /// <summary>
    /// Every chain the filter keeps, newest first, for reading row by row (the CSV export, the list API): the gateway token
    /// gathered by its semi-join, as counting it is.
    /// </summary>
    public static IQueryable<RecoveryChain> Matching(FlexPayDbContext db, ChainFilter filter)
    {
        var normalized = filter.Normalized();
        var chains = Filter(db, normalized);
        return (normalized.Gateway is { } gateway ? GatheringGateway(chains, db, gateway) : chains).OrderByDescending(c => c.CreatedAt);
    }

    /// <summary>The companies (FlexPay API keys) chains can belong to, for the filter.</summary>
    public async Task<IReadOnlyList<string>> CompaniesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Accounts.AsNoTracking().Select(a => a.Company).OrderBy(c => c).ToListAsync(ct);
    }

    /// <summary>
    /// The chains pinned to a gateway token or with an attempt sent with it or routed through it, gathered by a semi-join
    /// (IN) that reads only the token's entries in three indexes: what counting them needs.
    /// </summary>
    private static IQueryable<RecoveryChain> GatheringGateway(IQueryable<RecoveryChain> chains, FlexPayDbContext db, string token)
    {
        var carrying = db.Attempts.Where(a => a.GatewayTokenUsed == token).Select(a => a.ChainId)
            .Concat(db.Attempts.Where(a => a.GatewayTokenSent == token).Select(a => a.ChainId));
        return chains.Where(c => c.PinnedGatewayToken == token || carrying.Contains(c.Id));
    }

    /// <summary>The same chains, each probed (EXISTS) as the page's order reaches it: what paging a common token needs.</summary>
    private static IQueryable<RecoveryChain> ProbingGateway(IQueryable<RecoveryChain> chains, FlexPayDbContext db, string token) =>
        chains.Where(c => c.PinnedGatewayToken == token
            || db.Attempts.Any(a => a.ChainId == c.Id && (a.GatewayTokenUsed == token || a.GatewayTokenSent == token)));

    /// <summary>Every filter but the gateway token's, which <see cref="ListAsync"/> applies one way to count and maybe another to page.</summary>
    private static IQueryable<RecoveryChain> Filter(FlexPayDbContext db, ChainFilter filter)
    {
        var chains = db.Chains.AsNoTracking().Shown(filter.IncludeCertification);
        if (filter.Search is { } search)
        {
            // Case-insensitive prefixes, each read from its NOCASE index on SQLite, its lower() index on PostgreSQL (decisions 012, 014).
            var prefix = SearchPrefix.Like(search);
            var byAttempt = db.Attempts
                .Where(a => EF.Functions.Like(SearchPrefix.Folded(a.MerchantTransactionId), SearchPrefix.Folded(prefix), SearchPrefix.Escape)
                    || EF.Functions.Like(SearchPrefix.Folded(a.TransactionId), SearchPrefix.Folded(prefix), SearchPrefix.Escape))
                .Select(a => a.ChainId);
            chains = chains.Where(c => EF.Functions.Like(SearchPrefix.Folded(c.OrderId), SearchPrefix.Folded(prefix), SearchPrefix.Escape)
                || EF.Functions.Like(SearchPrefix.Folded(c.CustomerId), SearchPrefix.Folded(prefix), SearchPrefix.Escape)
                || EF.Functions.Like(SearchPrefix.Folded(c.ExternalId), SearchPrefix.Folded(prefix), SearchPrefix.Escape)
                || EF.Functions.Like(SearchPrefix.Folded(c.Email), SearchPrefix.Folded(prefix), SearchPrefix.Escape)
                || byAttempt.Contains(c.Id));
        }
        if (filter.State is { } state)
        {
            chains = chains.Where(c => c.State == state);
        }
        if (filter.Currency is { } currency)
        {
            chains = chains.Where(c => c.CurrencyCode == currency);
        }
        if (filter.Company is { } company)
        {
            chains = chains.Where(c => c.Company == company);
        }
        if (filter.CreatedFrom is { } from)
        {
            var start = new DateTimeOffset(from.Date, TimeSpan.Zero);
            chains = chains.Where(c => c.CreatedAt >= start);
        }
        if (filter.CreatedTo is { } to)
        {
            var end = new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero);
            chains = chains.Where(c => c.CreatedAt < end);
        }
        return chains;
    }
}

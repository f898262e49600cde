using System.Runtime.CompilerServices;
using FlexPay.Core.Certification;
using FlexPay.Core.Money;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Components.Pages.Refunds;

/// <summary>A recovered charge that can still be refunded, in part or in full.</summary>
public sealed record RefundableRow(
    Guid ChainId, DateTimeOffset? RecoveredAt, string OrderId, string CustomerId, MoneyAmount Charged, MoneyAmount Refundable, ChainState State)
{
    public long ChargedMinor => Charged.MinorUnits;
}

/// <summary>One refund sent (or being sent) through FlexPay.</summary>
public sealed record RefundRow(
    Guid Id, Guid ChainId, DateTimeOffset RequestedAt, string RequestedBy, string OrderId, string CustomerId, MoneyAmount Amount, string Reason,
    RefundStatus Status, string? TransactionId, string? ResponseCode, string? ResponseMessage)
{
    public long AmountMinor => Amount.MinorUnits;
}

public sealed record RefundableQuery(
    int Page, int PageSize, string? Search = null, string? SortBy = null, bool Descending = false, bool IncludeCertification = false);

public sealed record RefundQuery(
    int Page, int PageSize, RefundStatus? Status = null, DateTime? From = null, DateTime? To = null, string? SortBy = null, bool Descending = false,
    bool IncludeCertification = false);

public sealed record RowPage<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>
/// The refunds screen's two lists, each counted and paged in the database. A refund carries its chain's certification
/// tag, so both read the chains as the recoveries list does (<see cref="CertificationTag.Shown(IQueryable{RecoveryChain}, bool)"/>).
/// </summary>
public sealed class RefundSearch(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    public async Task<RowPage<RefundableRow>> RefundableAsync(RefundableQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chains = RefundableMatching(db, query);
        var total = await chains.CountAsync(ct);
        var page = await chains.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new RowPage<RefundableRow>([.. page.Select(ToRow)], total);
    }

    /// <summary>Every charge <paramref name="query"/> keeps (its page ignored), in its order, read row by row for the CSV export.</summary>
    public async IAsyncEnumerable<RefundableRow> AllRefundableAsync(RefundableQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var chain in RefundableMatching(db, query).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRow(chain);
        }
    }

    private static IQueryable<RefundableLine> RefundableMatching(FlexPayDbContext db, RefundableQuery query)
    {
        var chains = db.Chains.AsNoTracking().Shown(query.IncludeCertification).Where(c => ChainStateGroups.Refundable.Contains(c.State));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            chains = chains.Where(c => c.OrderId == search || c.CustomerId == search || c.ExternalId == search || c.RecoveredTransactionId == search);
        }
        chains = (query.SortBy, query.Descending) switch
        {
            (nameof(RefundableRow.OrderId), false) => chains.OrderBy(c => c.OrderId),
            (nameof(RefundableRow.OrderId), true) => chains.OrderByDescending(c => c.OrderId),
            (nameof(RefundableRow.ChargedMinor), false) => chains.OrderBy(c => c.CurrencyCode).ThenBy(c => c.Amount),
            (nameof(RefundableRow.ChargedMinor), true) => chains.OrderBy(c => c.CurrencyCode).ThenByDescending(c => c.Amount),
            (nameof(RefundableRow.RecoveredAt), false) => chains.OrderBy(c => c.RecoveredAt),
            _ => chains.OrderByDescending(c => c.RecoveredAt),
        };
        return chains.Select(c => new RefundableLine
        {
            Id = c.Id,
            RecoveredAt = c.RecoveredAt,
            OrderId = c.OrderId,
            CustomerId = c.CustomerId,
            Amount = c.Amount,
            CurrencyCode = c.CurrencyCode,
            State = c.State,
            Reserved = db.Refunds.Where(r => r.ChainId == c.Id && r.Status != RefundStatus.Declined).Sum(r => (long?)r.Amount) ?? 0,
        });
    }

    private static RefundableRow ToRow(RefundableLine c) => new(
        c.Id, c.RecoveredAt, c.OrderId, c.CustomerId, new MoneyAmount(c.Amount, c.CurrencyCode),
        new MoneyAmount(Math.Max(0, c.Amount - c.Reserved), c.CurrencyCode), c.State);

    public async Task<RowPage<RefundRow>> RefundsAsync(RefundQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var refunds = RefundsMatching(db, query);
        var total = await refunds.CountAsync(ct);
        var page = await refunds.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new RowPage<RefundRow>([.. page.Select(ToRow)], total);
    }

    /// <summary>Every refund <paramref name="query"/> keeps (its page ignored), in its order, read row by row for the CSV export.</summary>
    public async IAsyncEnumerable<RefundRow> AllRefundsAsync(RefundQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var refund in RefundsMatching(db, query).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return ToRow(refund);
        }
    }

    private static IQueryable<RefundLine> RefundsMatching(FlexPayDbContext db, RefundQuery query)
    {
        var refunds = db.Refunds.AsNoTracking().Join(db.Chains.AsNoTracking().Shown(query.IncludeCertification), r => r.ChainId, c => c.Id, (r, c) => new RefundLine
        {
            Id = r.Id,
            ChainId = r.ChainId,
            RequestedAt = r.RequestedAt,
            RequestedBy = r.RequestedBy,
            OrderId = c.OrderId,
            CustomerId = c.CustomerId,
            Amount = r.Amount,
            CurrencyCode = c.CurrencyCode,
            Reason = r.Reason,
            Status = r.Status,
            TransactionId = r.TransactionId,
            ResponseCode = r.ResponseCode,
            ResponseMessage = r.ResponseMessage,
        });
        if (query.Status is { } status)
        {
            refunds = refunds.Where(r => r.Status == status);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.Date, TimeSpan.Zero);
            refunds = refunds.Where(r => r.RequestedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.Date.AddDays(1), TimeSpan.Zero);
            refunds = refunds.Where(r => r.RequestedAt < end);
        }
        return (query.SortBy, query.Descending) switch
        {
            (nameof(RefundRow.RequestedBy), false) => refunds.OrderBy(r => r.RequestedBy),
            (nameof(RefundRow.RequestedBy), true) => refunds.OrderByDescending(r => r.RequestedBy),
            (nameof(RefundRow.Status), false) => refunds.OrderBy(r => r.Status).ThenByDescending(r => r.RequestedAt),
            (nameof(RefundRow.Status), true) => refunds.OrderByDescending(r => r.Status).ThenByDescending(r => r.RequestedAt),
            (nameof(RefundRow.RequestedAt), false) => refunds.OrderBy(r => r.RequestedAt),
            _ => refunds.OrderByDescending(r => r.RequestedAt),
        };
    }

    private static RefundRow ToRow(RefundLine r) => new(
        r.Id, r.ChainId, r.RequestedAt, r.RequestedBy, r.OrderId, r.CustomerId, new MoneyAmount(r.Amount, r.CurrencyCode), r.Reason,
        r.Status, r.TransactionId, r.ResponseCode, r.ResponseMessage);

    private sealed class RefundableLine
    {
        public Guid Id { get; init; }

        public DateTimeOffset? RecoveredAt { get; init; }

        public string OrderId { get; init; } = "";

        public string CustomerId { get; init; } = "";

        public long Amount { get; init; }

        public string CurrencyCode { get; init; } = "";

        public ChainState State { get; init; }

        /// <summary>What refunds approved or still unanswered hold of the charge.</summary>
        public long Reserved { get; init; }
    }

    private sealed class RefundLine
    {
        public Guid Id { get; init; }

        public Guid ChainId { get; init; }

        public DateTimeOffset RequestedAt { get; init; }

        public string RequestedBy { get; init; } = "";

        public string OrderId { get; init; } = "";

        public string CustomerId { get; init; } = "";

        public long Amount { get; init; }

        public string CurrencyCode { get; init; } = "";

        public string Reason { get; init; } = "";

        public RefundStatus Status { get; init; }

        public string? TransactionId { get; init; }

        public string? ResponseCode { get; init; }

        public string? ResponseMessage { get; init; }
    }
}

using System.Runtime.CompilerServices;
using FlexPay.Core.Audit;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Admin.Audit;

/// <summary>What the audit log screen and its CSV export filter by.</summary>
public sealed record AuditFilter(string? Search, AuditOutcome? Outcome, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>Reads the audit log, newest first; the screen pages it, the export streams it whole.</summary>
public sealed class AuditLogQuery(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    public async Task<(IReadOnlyList<AuditEntry> Rows, int Total)> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.At).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total);
    }

    /// <summary>Order ids of recoveries and names of gateways by id, so the screen can show them instead of ids.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.Chains.AsNoTracking().Where(c => wanted.Contains(c.Id)).Select(c => new { c.Id, Name = c.OrderId }).ToListAsync(ct);
        names.AddRange(await db.Gateways.AsNoTracking().Where(g => wanted.Contains(g.Id)).Select(g => new { g.Id, g.Name }).ToListAsync(ct));
        return names.ToDictionary(n => n.Id, n => n.Name);
    }

    /// <summary>Every entry the filter keeps, newest first, read row by row for the CSV export.</summary>
    public async IAsyncEnumerable<AuditEntry> AllAsync(AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var entry in Filtered(db, filter).OrderByDescending(e => e.At).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return entry;
        }
    }

    private static IQueryable<AuditEntry> Filtered(FlexPayDbContext db, AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(e => e.Actor.Contains(text) || e.Action.Contains(text) || e.Target.Contains(text) || (e.Detail != null && e.Detail.Contains(text)));
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }
        if (filter.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }
        return query;
    }
}

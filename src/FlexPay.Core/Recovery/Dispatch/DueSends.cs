using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// The scheduled attempts a claim takes: due by an instant, earliest first. On PostgreSQL several nodes claim from
/// the same table, so the rows are locked in the claim's own transaction and rows another node's claim holds are
/// skipped (<c>FOR UPDATE SKIP LOCKED</c>, docs/decisions/017): two nodes take disjoint batches and neither waits for
/// the other. SQLite has one console process, whose claims follow one another.
/// </summary>
internal static class DueSends
{
    public static Task<List<Guid>> SelectAsync(FlexPayDbContext db, DateTimeOffset until, int max, IReadOnlyCollection<Guid> excluded, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            // Each id list goes as one parameter: expanded into one parameter per id, naming them cost more than the query.
            return db.Attempts.AsNoTracking()
                .Where(a => a.Status == AttemptStatus.Scheduled && a.DueAt <= until && !EF.Parameter(excluded).Contains(a.Id))
                .OrderBy(a => a.DueAt).Take(max)
                .Select(a => a.Id)
                .ToListAsync(ct);
        }
        var scheduled = nameof(AttemptStatus.Scheduled);
        var untilTicks = until.UtcTicks;
        var others = excluded.ToArray();
        return db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM "Attempts"
            WHERE "Status" = {scheduled} AND "DueAt" <= {untilTicks} AND NOT ("Id" = ANY({others}))
            ORDER BY "DueAt"
            LIMIT {max}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
    }
}

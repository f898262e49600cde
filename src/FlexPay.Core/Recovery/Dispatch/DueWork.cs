using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery.Dispatch;

/// <summary>
/// The dispatcher's questions to our tables, the only record of what is due: scheduled attempts by their due
/// time, unknown outcomes by their next check (each answered from an index on status and instant). The sends
/// themselves are selected by the claim that takes them (<see cref="DueSends"/>).
/// </summary>
public sealed class DueWork(IDbContextFactory<FlexPayDbContext> dbFactory)
{
    /// <summary>The unknown outcomes to check at or before <paramref name="until"/>, earliest first, at most <paramref name="max"/>, leaving out <paramref name="taken"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ChecksDueByAsync(DateTimeOffset until, int max, IReadOnlyCollection<Guid> taken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.OutcomeUnknown && a.NextCheckAt <= until && !EF.Parameter(taken).Contains(a.Id))
            .OrderBy(a => a.NextCheckAt).Take(max)
            .Select(a => a.Id)
            .ToListAsync(ct);
    }

    /// <summary>The earliest instant before <paramref name="before"/> at which something is due (null when nothing is).</summary>
    public async Task<DateTimeOffset?> NextBeforeAsync(DateTimeOffset before, IReadOnlyCollection<Guid> taken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var send = await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.Scheduled && a.DueAt < before && !EF.Parameter(taken).Contains(a.Id))
            .OrderBy(a => a.DueAt).Select(a => (DateTimeOffset?)a.DueAt).FirstOrDefaultAsync(ct);
        var check = await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.OutcomeUnknown && a.NextCheckAt < before && !EF.Parameter(taken).Contains(a.Id))
            .OrderBy(a => a.NextCheckAt).Select(a => a.NextCheckAt).FirstOrDefaultAsync(ct);
        return (send, check) switch
        {
            ({ } s, { } c) => s < c ? s : c,
            _ => send ?? check,
        };
    }

    /// <summary>Every instant before <paramref name="before"/> at which something is due, once each (what start-up and the arming job arm).</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> InstantsBeforeAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sends = await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.Scheduled && a.DueAt < before)
            .Select(a => a.DueAt).Distinct().ToListAsync(ct);
        var checks = await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.OutcomeUnknown && a.NextCheckAt < before)
            .Select(a => a.NextCheckAt!.Value).Distinct().ToListAsync(ct);
        return [.. sends.Union(checks).Order()];
    }
}

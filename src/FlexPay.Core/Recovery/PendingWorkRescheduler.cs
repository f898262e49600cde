using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Hands every open attempt and refund in the database back to the scheduler at start-up, so a
/// restart (or a crash) loses nothing. Work caught in flight by a crash is reconciled with FlexPay
/// before anything is resent.
/// </summary>
public sealed class PendingWorkRescheduler(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IRecoveryScheduler scheduler,
    TimeProvider clock,
    ILogger<PendingWorkRescheduler> logger)
{
    public async Task<int> RescheduleAllAsync(CancellationToken ct = default)
    {
        var interrupted = await MarkInterruptedAsUnknownAsync(ct);
        var scheduled = 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();

        // One streamed pass over the status index: memory stays flat (a row at a time, nothing tracked), and
        // unlike keyset pages ordered by Id, which made SQLite gather and sort every remaining pending row
        // once per page, the work grows linearly with the number of pending retries (docs/decisions/005).
        var pending = db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.Scheduled || a.Status == AttemptStatus.OutcomeUnknown)
            .Select(a => new { a.Id, a.Status, a.DueAt })
            .AsAsyncEnumerable();
        await foreach (var attempt in pending.WithCancellation(ct))
        {
            scheduler.ScheduleAttempt(attempt.Id, attempt.Status == AttemptStatus.Scheduled ? attempt.DueAt : now);
            scheduled++;
        }

        var refunds = await db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.OutcomeUnknown).Select(r => r.Id).ToListAsync(ct);
        refunds.ForEach(id => scheduler.ScheduleRefundCheck(id, now));

        logger.Rescheduled(scheduled, interrupted, refunds.Count);
        return scheduled + refunds.Count;
    }

    /// <summary>An attempt or refund left Sending was interrupted by a crash: FlexPay may have it.</summary>
    private async Task<int> MarkInterruptedAsUnknownAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chains = await db.Chains.WithHistory()
            .Where(c => c.Attempts.Any(a => a.Status == AttemptStatus.Sending) || c.Refunds.Any(r => r.Status == RefundStatus.Sending))
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        const string reason = "The console stopped while this was being sent; checking with FlexPay before anything is resent.";
        foreach (var chain in chains)
        {
            foreach (var attempt in chain.Attempts.Where(a => a.Status == AttemptStatus.Sending))
            {
                chain.MarkOutcomeUnknown(attempt.Id, reason, now);
            }
            foreach (var refund in chain.Refunds.Where(r => r.Status == RefundStatus.Sending))
            {
                chain.MarkRefundOutcomeUnknown(refund.Id, reason, now);
            }
        }
        await db.SaveChangesAsync(ct);
        return chains.Count;
    }
}

using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using FlexPay.Core.Recovery.Dispatch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Hands open work in the database back to the scheduler at start-up, so a restart (or a crash, or a deleted
/// Hangfire file) loses nothing: the windows within reach are armed, not one job per attempt. Work caught in
/// flight by a crash is reconciled with FlexPay before anything is resent: at once on SQLite, where everything
/// Sending was this process's; on PostgreSQL by the stalled-work sweeper once its lease is over, since what is
/// Sending may be a live node's (docs/decisions/017).
/// </summary>
public sealed class PendingWorkRescheduler(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IRecoveryScheduler scheduler,
    DueWork dueWork,
    IOptions<DispatchOptions> dispatch,
    IOptions<StorageOptions> storage,
    TimeProvider clock,
    ILogger<PendingWorkRescheduler> logger)
{
    public async Task<int> RescheduleAllAsync(CancellationToken ct = default)
    {
        var interrupted = storage.Value.IsPostgres ? 0 : await MarkInterruptedAsUnknownAsync(ct);
        var armed = await ArmWithinHorizonAsync(ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.Status == RefundStatus.OutcomeUnknown).Select(r => r.Id).ToListAsync(ct);
        refunds.ForEach(id => scheduler.ScheduleRefundCheck(id, now));

        logger.Rescheduled(armed, interrupted, refunds.Count);
        return armed + refunds.Count;
    }

    /// <summary>
    /// Arms every instant due within the arming horizon (overdue ones included): what start-up does, and what the
    /// minutely arming job does as later retries come into reach. Returns how many instants were armed.
    /// </summary>
    public async Task<int> ArmWithinHorizonAsync(CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + dispatch.Value.ArmingHorizon;
        var instants = await dueWork.InstantsBeforeAsync(until, ct);
        foreach (var instant in instants)
        {
            scheduler.ArmAttempts(instant);
        }
        logger.Armed(instants.Count, until);
        return instants.Count;
    }

    /// <summary>An attempt or refund left Sending by the one console process was interrupted by a crash: FlexPay may have it.</summary>
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
                chain.MarkOutcomeUnknown(attempt.Id, reason, now, checkAt: now);
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

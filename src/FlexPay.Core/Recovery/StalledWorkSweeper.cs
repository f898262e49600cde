using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Recovery;

/// <summary>
/// A safety net run every minute: work whose timer was lost while the app kept running (a window job that
/// died, an attempt left Sending by a failed batch or database write, on PostgreSQL the work of a node that died)
/// is handed back to the scheduler. Claims
/// are idempotent, so waking something that is also still scheduled costs nothing. A refund left Sending that
/// this process is not sending (<see cref="RefundsInFlight"/>) is read back from FlexPay likewise, and waiting
/// chains whose gateway or key is back go on (<see cref="WaitingChains"/>).
/// </summary>
public sealed class StalledWorkSweeper(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IRecoveryScheduler scheduler,
    RefundsInFlight refundsInFlight,
    WaitingChains waitingChains,
    TimeProvider clock,
    IOptions<FlexPayOptions> flexPay,
    IOptions<RecoveryOptions> recovery)
{
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var grace = recovery.Value.StalledGrace;
        var overdue = now - grace;
        var sendingSince = now - flexPay.Value.Timeout - grace;
        var unknownSince = now - recovery.Value.MaxReconcileInterval - grace;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stalled = await db.Attempts.AsNoTracking()
            .Where(a => (a.Status == AttemptStatus.Scheduled && a.DueAt < overdue) || (a.Status == AttemptStatus.Sending && a.SentAt < sendingSince))
            .Select(a => new { a.Id, a.ChainId, a.Status })
            .ToListAsync(ct);
        var unknown = await db.Attempts.AsNoTracking()
            .Where(a => a.Status == AttemptStatus.OutcomeUnknown && a.NextCheckAt < unknownSince)
            .Select(a => a.Id)
            .ToListAsync(ct);
        var stalledRefunds = (await db.Refunds.AsNoTracking()
            .Where(r => r.Status == RefundStatus.Sending && r.RequestedAt < sendingSince)
            .Select(r => new { r.Id, r.ChainId })
            .ToListAsync(ct)).Where(r => refundsInFlight.Find(r.Id) is null).ToList();

        foreach (var attempt in stalled.Where(a => a.Status == AttemptStatus.Sending))
        {
            var chain = await db.Chains.WithHistory().SingleAsync(c => c.Id == attempt.ChainId, ct);
            chain.MarkOutcomeUnknown(attempt.Id, "No answer was recorded for this send; checking with FlexPay before anything is resent.", now, checkAt: now);
        }
        foreach (var refund in stalledRefunds)
        {
            var chain = await db.Chains.WithHistory().SingleAsync(c => c.Id == refund.ChainId, ct);
            chain.MarkRefundOutcomeUnknown(refund.Id, "No answer was recorded for this refund; checking with FlexPay before anything is resent.", now);
        }
        await db.SaveChangesAsync(ct);

        if (stalled.Count + unknown.Count > 0)
        {
            // Everything overdue is due in the current window, whichever window it belonged to.
            scheduler.ArmAttempts(now);
        }
        stalledRefunds.ForEach(r => scheduler.ScheduleRefundCheck(r.Id, now));
        var wentOn = await waitingChains.GoOnWhereReadyAsync(ct);
        return stalled.Count + unknown.Count + stalledRefunds.Count + wentOn;
    }
}

using FlexPay.Core.Accounts;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Lets waiting chains go on once what held them is back (<see cref="WaitCauses.CanGoOn"/>). Called when a gateway
/// reaches FlexPay enabled and when an account's key is entered again, and every minute by the stalled-work sweeper,
/// so a trigger lost to a crash only delays a chain by a minute.
/// </summary>
public sealed class WaitingChains(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    IFlexPayAccounts accounts,
    IRecoveryScheduler scheduler,
    DatabaseWriteGate writeGate,
    TimeProvider clock,
    ILogger<WaitingChains> logger)
{
    /// <summary>Returns how many chains went on.</summary>
    public async Task<int> GoOnWhereReadyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.Chains.WithHistory().Where(c => c.State == ChainState.Waiting).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var causes = await WaitCauses.ReadAsync(db, accounts, ct);
        var now = clock.GetUtcNow();
        var released = waiting
            .Where(c => causes.CanGoOn(c, c.Attempts.Single(a => a.Status == AttemptStatus.Waiting)))
            .Select(c => c.GoOn(now))
            .ToList();
        if (released.Count == 0)
        {
            return 0;
        }
        try
        {
            await writeGate.WriteAsync(() => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff acted on one of them at the same moment; the next sweep looks again.
            logger.WaitingChainsChanged();
            return 0;
        }
        foreach (var dueAt in released.Select(a => a.DueAt).Distinct())
        {
            scheduler.ArmAttempts(dueAt);
        }
        logger.WaitingChainsWentOn(released.Count);
        return released.Count;
    }
}

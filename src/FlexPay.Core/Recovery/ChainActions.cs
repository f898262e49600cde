using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery;

/// <summary>What staff (or the billing system) do to a chain besides refunding it.</summary>
public sealed class ChainActions(IDbContextFactory<FlexPayDbContext> dbFactory, IRecoveryScheduler scheduler, TimeProvider clock)
{
    /// <summary>Stops the recovery; the scheduled job then finds nothing to send.</summary>
    public Task<RecoveryChain> CancelAsync(Guid chainId, string cancelledBy, string reason, CancellationToken ct = default) =>
        ChangeAsync(chainId, chain => chain.Cancel(cancelledBy, reason, clock.GetUtcNow()), ct);

    /// <summary>Sends a suspended chain again once the cause (a revoked key, say) is fixed.</summary>
    public async Task<RecoveryChain> ResumeAsync(Guid chainId, CancellationToken ct = default)
    {
        RecoveryAttempt? resumed = null;
        var chain = await ChangeAsync(chainId, c => resumed = c.Resume(clock.GetUtcNow()), ct);
        scheduler.ScheduleAttempt(resumed!.Id, resumed.DueAt);
        return chain;
    }

    private async Task<RecoveryChain> ChangeAsync(Guid chainId, Action<RecoveryChain> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.WithHistory().SingleOrDefaultAsync(c => c.Id == chainId, ct)
            ?? throw new RecoveryNotFoundException(chainId);
        change(chain);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RecoveryRuleException("The recovery changed at the same moment (an attempt was being sent?). Reload and try again.");
        }
        return chain;
    }
}

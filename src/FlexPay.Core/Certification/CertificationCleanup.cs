using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Certification;

/// <summary>
/// What a run leaves behind when it ends, however it ends (passed, failed, cancelled, or found unfinished at start-up):
/// its gateways disabled here and so set RefundOnly at FlexPay (a durable sync), and its recoveries that still wait
/// for a retry cancelled, so nothing of the run takes real payments or keeps charging test cards.
/// </summary>
public sealed class CertificationCleanup(IDbContextFactory<FlexPayDbContext> dbFactory, GatewayService gateways, ChainActions actions)
{
    /// <summary>The runs that left a gateway enabled or a recovery waiting for a retry (a crash between a run's end and its clean-up).</summary>
    public async Task<IReadOnlyList<Guid>> RunsWithLeftoversAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cancellable = ChainStateGroups.Cancellable;
        return await db.Gateways.Where(g => g.DesiredState == GatewayDesiredState.Enabled).Runs()
            .Union(db.Chains.Where(c => cancellable.Contains(c.State)).Runs())
            .ToListAsync(ct);
    }

    public async Task EndAsync(Guid runId, string actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var enabled = await db.Gateways.AsNoTracking().OfRun(runId)
            .Where(g => g.DesiredState == GatewayDesiredState.Enabled).Select(g => g.Id).ToListAsync(ct);
        foreach (var gateway in enabled)
        {
            await gateways.DisableAsync(gateway, confirmed: true, ct);
        }
        var cancellable = ChainStateGroups.Cancellable;
        var waiting = await db.Chains.AsNoTracking().OfRun(runId).Where(c => cancellable.Contains(c.State)).Select(c => c.Id).ToListAsync(ct);
        foreach (var chain in waiting)
        {
            try
            {
                await actions.CancelAsync(chain, actor, "The certification run ended", ct);
            }
            catch (RecoveryRuleException)
            {
                // Its retry went out meanwhile; it ends with that answer, and its gateway no longer takes the next one.
            }
        }
    }
}

using FlexPay.Core.Audit;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery;

/// <summary>What staff (or the billing system) do to a chain besides refunding it.</summary>
public sealed class ChainActions(IDbContextFactory<FlexPayDbContext> dbFactory, IRecoveryScheduler scheduler, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Stops the recovery; the scheduled job then finds nothing to send.</summary>
    public Task<RecoveryChain> CancelAsync(Guid chainId, string cancelledBy, string reason, CancellationToken ct = default) =>
        audit.RecordAsync(
            "recovery.cancel",
            $"recovery {chainId}",
            () => ChangeAsync(chainId, chain => chain.Cancel(cancelledBy, reason, clock.GetUtcNow()), ct),
            chain => (AuditOutcome.Succeeded, $"Order {chain.OrderId}: {reason}"),
            ct);

    /// <summary>
    /// <see cref="CancelAsync(Guid, string, string, CancellationToken)"/> under an Idempotency-Key: sent again with the
    /// same reason, it answers with the chain as it stands (<c>Replayed</c>) instead of refusing a second cancellation.
    /// </summary>
    public async Task<(RecoveryChain Chain, bool Replayed)> CancelAsync(Guid chainId, string cancelledBy, string reason, string idempotencyKey, CancellationToken ct)
    {
        var call = IdempotentCall.For(idempotencyKey, new { chainId, reason });
        if (await EarlierCancelAsync(call, ct) is { } earlier)
        {
            return (earlier, true);
        }
        try
        {
            return (await audit.RecordAsync(
                "recovery.cancel",
                $"recovery {chainId}",
                () => ChangeAsync(chainId, chain => chain.Cancel(cancelledBy, reason, clock.GetUtcNow()), ct,
                    db => db.IdempotentRequests.Add(new IdempotentRequest(IdempotentOperations.Cancel, call, chainId, clock.GetUtcNow()))),
                chain => (AuditOutcome.Succeeded, $"Order {chain.OrderId}: {reason}"),
                ct), false);
        }
        catch (RecoveryRuleException)
        {
            // The same key's first request may have won the race: answer as it did.
            var raced = await EarlierCancelAsync(call, ct);
            if (raced is null)
            {
                throw;
            }
            return (raced, true);
        }
    }

    /// <summary>Sends a suspended chain again once the cause (a revoked key, say) is fixed.</summary>
    public Task<RecoveryChain> ResumeAsync(Guid chainId, CancellationToken ct = default) =>
        audit.RecordAsync("recovery.resume", $"recovery {chainId}", async () =>
        {
            RecoveryAttempt? resumed = null;
            var chain = await ChangeAsync(chainId, c => resumed = c.Resume(clock.GetUtcNow()), ct);
            scheduler.ArmAttempts(resumed!.DueAt);
            return chain;
        }, chain => (AuditOutcome.Succeeded, $"Order {chain.OrderId}: retry {chain.OpenAttempt?.RetryCount} scheduled"), ct);

    /// <summary>
    /// Sends the recovery's next attempt, and the later ones, through another of our gateways (by its id or FlexPay
    /// token); a waiting recovery goes on at once, with the same retryCount and referenceData.
    /// </summary>
    public Task<RecoveryChain> MoveToGatewayAsync(Guid chainId, string gatewayIdOrToken, CancellationToken ct = default) =>
        audit.RecordAsync("recovery.move-gateway", $"recovery {chainId}", async () =>
        {
            Gateway gateway;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var route = await GatewayRouting.ResolveAsync(db, gatewayIdOrToken, ct);
                gateway = route.Gateway ?? throw new RecoveryRuleException(route.Error!);
            }
            RecoveryAttempt? next = null;
            var chain = await ChangeAsync(chainId, c =>
            {
                if (!gateway.Profile.Takes(c.CurrencyCode))
                {
                    throw new RecoveryRuleException($"Gateway '{gateway.Name}' does not take {c.CurrencyCode}.");
                }
                next = c.MoveToGateway(gateway.FlexPayToken!, clock.GetUtcNow());
            }, ct);
            scheduler.ArmAttempts(next!.DueAt);
            return chain;
        }, chain => (AuditOutcome.Succeeded, $"Order {chain.OrderId}: retry {chain.OpenAttempt?.RetryCount} through gateway {chain.PinnedGatewayToken}"), ct);

    private async Task<RecoveryChain?> EarlierCancelAsync(IdempotentCall call, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.EarlierResultAsync(IdempotentOperations.Cancel, call, ct) is { } chainId
            ? await db.Chains.AsNoTracking().WithHistory().SingleAsync(c => c.Id == chainId, ct)
            : null;
    }

    private async Task<RecoveryChain> ChangeAsync(Guid chainId, Action<RecoveryChain> change, CancellationToken ct, Action<FlexPayDbContext>? alongside = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chain = await db.Chains.WithHistory().SingleOrDefaultAsync(c => c.Id == chainId, ct)
            ?? throw new RecoveryNotFoundException(chainId);
        change(chain);
        alongside?.Invoke(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new RecoveryRuleException("The recovery changed at the same moment (an attempt was being sent?). Reload and try again.");
        }
        return chain;
    }
}

using FlexPay.Core.Certification;
using FlexPay.Core.Gateways;
using FlexPay.Core.Recovery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace FlexPay.Core.Webhooks;

/// <summary>
/// Reads from EF Core's change tracker which events the changes about to be saved cause. The recovery engine and the
/// gateway sync do not emit events themselves: any change of a chain, attempt, refund or gateway that reaches the
/// database is seen here, in the save that writes it. A certification run's chains and gateways cause none: they are
/// not the merchant's business (docs/decisions/015).
/// </summary>
internal static class WebhookChanges
{
    /// <summary>One event to write: its type, its subject, the order key of that subject, and what its body carries.</summary>
    public sealed record Change(string Type, Guid SubjectId, int SubjectVersion, Guid? RefundId, string? MerchantTransactionId, object? Data);

    public static List<Change> Derive(ChangeTracker tracker)
    {
        // Each Entries() call detects changes across everything tracked: read the chains once, then look them up.
        var tracked = tracker.Entries<RecoveryChain>().ToDictionary(e => e.Entity.Id);
        var chains = tracked.Values.Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        var views = new Dictionary<Guid, RecoveryView>();
        RecoveryView? ViewOf(Guid chainId)
        {
            if (views.TryGetValue(chainId, out var view))
            {
                return view;
            }
            return tracked.TryGetValue(chainId, out var chain) ? views[chainId] = RecoveryView.From(chain.Entity) : null;
        }
        int VersionOf(Guid chainId) => tracked.TryGetValue(chainId, out var chain) ? chain.Entity.Version : 0;

        var changes = new List<Change>();
        // Within one save: the opening, then the attempts' answers and refunds' answers, then where the chain ended up.
        foreach (var chain in chains.Where(c => c.State == EntityState.Added))
        {
            changes.Add(new(WebhookEventTypes.RecoveryCreated, chain.Entity.Id, chain.Entity.Version, null, null, ViewOf(chain.Entity.Id)));
        }
        foreach (var attempt in tracker.Entries<RecoveryAttempt>().Where(a => MovedTo(a.Property(x => x.Status), AttemptStatus.Declined)))
        {
            var chainId = attempt.Entity.ChainId;
            changes.Add(new(WebhookEventTypes.RecoveryAttemptDeclined, chainId, VersionOf(chainId), null, attempt.Entity.MerchantTransactionId, ViewOf(chainId)));
        }
        foreach (var refund in tracker.Entries<Refund>())
        {
            var status = refund.Property(r => r.Status);
            var type = MovedTo(status, RefundStatus.Approved) ? WebhookEventTypes.RefundApproved
                : MovedTo(status, RefundStatus.Declined) ? WebhookEventTypes.RefundDeclined
                : null;
            if (type is not null)
            {
                var chainId = refund.Entity.ChainId;
                changes.Add(new(type, chainId, VersionOf(chainId), refund.Entity.Id, null, ViewOf(chainId)));
            }
        }
        foreach (var chain in chains)
        {
            var state = chain.Property(c => c.State);
            if (Changed(state) && ChainStateEvent(state.CurrentValue) is { } type)
            {
                changes.Add(new(type, chain.Entity.Id, chain.Entity.Version, null, null, ViewOf(chain.Entity.Id)));
            }
        }
        foreach (var gateway in tracker.Entries<Gateway>().Where(g => MovedTo(g.Property(x => x.SyncState), GatewaySyncState.Failed)))
        {
            changes.Add(new(WebhookEventTypes.GatewaySyncFailed, gateway.Entity.Id, gateway.Entity.Version, null, null, GatewayView.From(gateway.Entity)));
        }
        foreach (var gateway in tracker.Entries<Gateway>().Where(g => NewlyFound(g.Property(x => x.Drift))))
        {
            changes.Add(new(WebhookEventTypes.GatewayDriftDetected, gateway.Entity.Id, gateway.Entity.Version, null, null, GatewayView.From(gateway.Entity)));
        }
        var certification = tracker.Entries<RecoveryChain>().Where(e => e.IsTagged()).Select(e => e.Entity.Id)
            .Concat(tracker.Entries<Gateway>().Where(e => e.IsTagged()).Select(e => e.Entity.Id))
            .ToHashSet();
        changes.RemoveAll(c => certification.Contains(c.SubjectId));
        return changes;
    }

    /// <summary>The chain states that are news for the billing system.</summary>
    private static string? ChainStateEvent(ChainState state) => state switch
    {
        ChainState.Waiting => WebhookEventTypes.RecoveryWaiting,
        ChainState.Recovered => WebhookEventTypes.RecoveryRecovered,
        ChainState.Failed => WebhookEventTypes.RecoveryFailed,
        ChainState.Cancelled => WebhookEventTypes.RecoveryCancelled,
        _ => null,
    };

    private static bool Changed(PropertyEntry<RecoveryChain, ChainState> state) =>
        state.EntityEntry.State == EntityState.Modified && state.OriginalValue != state.CurrentValue;

    /// <summary>A drift recorded where there was none, or a different one: the same drift found again is no news.</summary>
    private static bool NewlyFound(PropertyEntry<Gateway, string?> drift) =>
        drift.EntityEntry.State == EntityState.Modified && drift.CurrentValue is not null && drift.OriginalValue != drift.CurrentValue;

    private static bool MovedTo<TEntity, TStatus>(PropertyEntry<TEntity, TStatus> status, TStatus target)
        where TEntity : class where TStatus : struct, Enum =>
        status.EntityEntry.State is EntityState.Added or EntityState.Modified
        && EqualityComparer<TStatus>.Default.Equals(status.CurrentValue, target)
        && (status.EntityEntry.State == EntityState.Added || !EqualityComparer<TStatus>.Default.Equals(status.OriginalValue, target));
}

using FlexPay.Core.Accounts;
using FlexPay.Core.Gateways;
using FlexPay.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FlexPay.Core.Recovery;

/// <summary>
/// Why a recovery's next attempt must wait instead of going out, said once for the claim (hold it) and for the
/// waiting chains (let them go on): its account's key cannot be read, or the gateway it goes to is one of ours that
/// takes no charges (disabled here, or enabled but not yet at FlexPay).
/// </summary>
public sealed class WaitCauses
{
    private readonly IReadOnlyDictionary<string, Gateway> gatewaysByToken;
    private readonly IFlexPayAccounts accounts;

    private WaitCauses(IReadOnlyDictionary<string, Gateway> gatewaysByToken, IFlexPayAccounts accounts)
    {
        this.gatewaysByToken = gatewaysByToken;
        this.accounts = accounts;
    }

    public static async Task<WaitCauses> ReadAsync(FlexPayDbContext db, IFlexPayAccounts accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gateways = await db.Gateways.AsNoTracking().Where(g => g.FlexPayToken != null).ToListAsync(ct);
        return new WaitCauses(gateways.ToDictionary(g => g.FlexPayToken!), accounts);
    }

    /// <summary>The reason <paramref name="next"/> must wait, or null when it can go out.</summary>
    public string? Why(RecoveryChain chain, RecoveryAttempt next)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(next);
        if (accounts.NeedsReentry(chain.Company))
        {
            return WaitReasons.AccountKey(chain.Company);
        }
        return next.GatewayTokenSent is { } token && gatewaysByToken.TryGetValue(token, out var gateway) && !TakesCharges(gateway)
            ? WaitReasons.Gateway(gateway.Name)
            : null;
    }

    /// <summary>
    /// A waiting chain may go on by itself: nothing holds it any more, and its gateway is one we manage (a gateway
    /// FlexPay chose, or one not managed here, is staff's to decide: they move the recovery).
    /// </summary>
    public bool CanGoOn(RecoveryChain chain, RecoveryAttempt held)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(held);
        if (Why(chain, held) is not null)
        {
            return false;
        }
        var refusedByFlexPay = chain.Attempts.Any(a => a.RetryCount == held.RetryCount && a.ResponseCode == FlexPayCodes.GatewayNotTakingCharges);
        return held.GatewayTokenSent is { } token ? gatewaysByToken.ContainsKey(token) || !refusedByFlexPay : !refusedByFlexPay;
    }

    private static bool TakesCharges(Gateway gateway) =>
        gateway.DesiredState == GatewayDesiredState.Enabled && !gateway.PendingChanges.HasFlag(GatewayChanges.Status);
}

using FlexPay.Core.Accounts;
using FlexPay.Core.FlexPayApi;
using FlexPay.Core.Persistence;
using FlexPay.Core.Recovery;
using FlexPay.Core.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlexPay.Core.Gateways;

/// <summary>
/// Brings FlexPay in line with one gateway row: creates it (status Available) when enabled and not yet
/// there, else sends what is pending with a <c>PUT</c> (status Available or RefundOnly; the non-secret
/// fields when they changed; the credentials as <c>settings</c> only when they changed). A refusal waits
/// for staff; anything else is tried again with back-off until FlexPay accepts it.
/// </summary>
public sealed class GatewaySynchronizer(
    IDbContextFactory<FlexPayDbContext> dbFactory,
    FlexPayClient flexPay,
    IFlexPayAccounts accounts,
    [FromKeyedServices(SecretKinds.GatewayCredentials)] ISecretProtector protector,
    IGatewaySyncScheduler scheduler,
    WaitingChains waitingChains,
    TimeProvider clock,
    IOptions<GatewayOptions> options,
    ILogger<GatewaySynchronizer> logger)
{
    private const int MaxConcurrencyRetries = 5;

    /// <summary>Idempotent: a run with nothing pending, or a run that is early, does nothing but reschedule.</summary>
    public async Task SyncAsync(Guid gatewayId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var gateway = await db.Gateways.SingleOrDefaultAsync(g => g.Id == gatewayId, ct);
        var now = clock.GetUtcNow();
        if (gateway is null || gateway.SyncState != GatewaySyncState.Pending)
        {
            return;
        }
        if (gateway.NextSyncAt > now)
        {
            scheduler.ScheduleSync(gateway.Id, gateway.NextSyncAt.Value);
            return;
        }
        if (gateway.SyncClaimedUntil is { } until && until > now)
        {
            logger.Held(gateway.Id, until);
            scheduler.ScheduleSync(gateway.Id, until);
            return;
        }

        // An earlier create may have reached FlexPay (a timeout, a crash): look before creating again.
        var createMayExist = gateway.FlexPayToken is null && gateway.CreateRequestedAt is not null;
        gateway.TryClaim(now, options.Value.ClaimDuration);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff changed it or another run claimed it; whoever did has scheduled what follows.
            return;
        }

        var versionSent = gateway.Version;
        Push push;
        try
        {
            push = await PushAsync(db, gateway, createMayExist, ct);
        }
        catch (SecretNeedsReentryException unreadable)
        {
            // Nothing to retry until staff enter the credentials again, which makes the change pending anew.
            push = Push.Refused(gateway.FlexPayToken, FlexPayOutcome.BadRequest, unreadable.Message);
        }
        await RecordAsync(db, gateway, push, versionSent, ct);
    }

    /// <summary>Schedules every pending gateway again (at start-up: Hangfire's memory did not survive).</summary>
    public async Task<int> RescheduleAllAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Gateways.Where(g => g.SyncState == GatewaySyncState.Pending || g.SyncClaimedUntil != null).ToListAsync(ct);
        foreach (var gateway in pending)
        {
            // One instance (decision 002): a claim found at start-up belongs to a run that died with the old process.
            gateway.ReleaseClaim();
        }
        await db.SaveChangesAsync(ct);
        var now = clock.GetUtcNow();
        var scheduled = pending.Where(g => g.SyncState == GatewaySyncState.Pending).ToList();
        scheduled.ForEach(g => scheduler.ScheduleSync(g.Id, g.NextSyncAt is { } at && at > now ? at : now));
        logger.Rescheduled(scheduled.Count);
        return scheduled.Count;
    }

    private async Task<Push> PushAsync(FlexPayDbContext db, Gateway gateway, bool createMayExist, CancellationToken ct)
    {
        if (!accounts.TryGetApiKey(gateway.Company, out var key))
        {
            return Push.Refused(null, FlexPayOutcome.AuthenticationFailed, accounts.NeedsReentry(gateway.Company)
                ? $"The FlexPay API key of company '{gateway.Company}' can no longer be decrypted; enter it again on Settings, then retry."
                : $"There is no FlexPay account (API key) for company '{gateway.Company}'.");
        }
        var token = gateway.FlexPayToken;
        var changes = gateway.PendingChanges;

        if (token is null && createMayExist)
        {
            var listed = await flexPay.ListGatewaysAsync(key, ct);
            if (!listed.IsOk)
            {
                return Fail(null, listed.Outcome, "Looking for an earlier create at FlexPay failed: " + Describe(listed));
            }
            var ours = await db.Gateways.AsNoTracking().Where(g => g.FlexPayToken != null).Select(g => g.FlexPayToken!).ToListAsync(ct);
            var match = listed.Value!.FirstOrDefault(g => g.Name == gateway.Name && !ours.Contains(g.Id));
            if (match is not null)
            {
                logger.Adopted(gateway.Id, match.Id);
                token = match.Id;
                // What FlexPay has comes from an older send: bring all of it in line.
                changes = GatewayChanges.Settings | GatewayChanges.Credentials | GatewayChanges.Status;
            }
        }

        if (token is null)
        {
            if (gateway.DesiredState != GatewayDesiredState.Enabled)
            {
                return Push.Done(null);
            }
            var created = await flexPay.CreateGatewayAsync(key, Definition(gateway), ct);
            return created.IsOk ? Push.Done(created.Value!.Id) : Fail(null, created.Outcome, "Creating the gateway at FlexPay failed: " + Describe(created));
        }

        var updated = await flexPay.UpdateGatewayAsync(key, token, Update(gateway, changes), ct);
        if (updated.IsOk)
        {
            return Push.Done(token);
        }
        return updated.Outcome == FlexPayOutcome.NotFound
            ? Push.Refused(token, updated.Outcome, $"FlexPay has no gateway {token} any more (deleted there?). Reconcile, then recreate it.")
            : Fail(token, updated.Outcome, "Updating the gateway at FlexPay failed: " + Describe(updated));
    }

    private async Task RecordAsync(FlexPayDbContext db, Gateway gateway, Push push, int versionSent, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            if (push.Error is null)
            {
                gateway.RecordSynced(push.Token, versionSent, now);
            }
            else
            {
                var retryAt = push.Permanent
                    ? (DateTimeOffset?)null
                    : now + GatewaySyncBackoff.Delay(gateway.SyncAttempts + 1, options.Value.FirstRetryDelay, options.Value.MaxRetryDelay);
                gateway.RecordSyncFailure(push.Token, push.Error, retryAt, versionSent, now);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                // Staff changed the gateway while FlexPay was being called: keep the token, keep their change pending.
                db.ChangeTracker.Clear();
                gateway = await db.Gateways.SingleOrDefaultAsync(g => g.Id == gateway.Id, ct)
                    ?? throw new GatewayNotFoundException(gateway.Id);
            }
        }

        if (push.Error is null)
        {
            logger.Synced(gateway.Id, gateway.FlexPayToken, gateway.ExpectedFlexPayStatus);
            if (gateway.DesiredState == GatewayDesiredState.Enabled)
            {
                // Recoveries waiting for this gateway go on now rather than at the sweeper's next minute.
                await waitingChains.GoOnWhereReadyAsync(ct);
            }
        }
        else if (gateway.SyncState == GatewaySyncState.Failed)
        {
            logger.SyncRefused(gateway.Id, push.Outcome, push.Error);
        }
        else
        {
            logger.SyncRetrying(gateway.Id, push.Outcome, gateway.SyncAttempts, push.Error, gateway.NextSyncAt ?? clock.GetUtcNow());
        }
        if (gateway.SyncState == GatewaySyncState.Pending)
        {
            scheduler.ScheduleSync(gateway.Id, gateway.NextSyncAt ?? clock.GetUtcNow());
        }
    }

    private GatewayDefinition Definition(Gateway g) => new(g.Profile)
    {
        Name = g.Name,
        Status = FlexPayGatewayStatuses.Available,
        Settings = g.HasCredentials ? GatewayCredentials.Open(protector, g.ProtectedCredentials) : null,
    };

    private GatewayUpdate Update(Gateway g, GatewayChanges changes) => new()
    {
        Status = g.ExpectedFlexPayStatus,
        Profile = changes.HasFlag(GatewayChanges.Settings) || changes.HasFlag(GatewayChanges.Create) ? g.Profile : null,
        // Credentials travel only when they changed: FlexPay keeps the ones it has otherwise.
        Settings = changes.HasFlag(GatewayChanges.Credentials) || changes.HasFlag(GatewayChanges.Create)
            ? GatewayCredentials.Open(protector, g.ProtectedCredentials)
            : null,
    };

    private static Push Fail(string? token, FlexPayOutcome outcome, string error) =>
        outcome is FlexPayOutcome.BadRequest or FlexPayOutcome.AuthenticationFailed or FlexPayOutcome.NotFound
            ? Push.Refused(token, outcome, error)
            : Push.Failed(token, outcome, error);

    private static string Describe<T>(FlexPayResponse<T> response) =>
        $"{response.Outcome.Describe()}{(response.HttpStatus is { } http ? $" (HTTP {http})" : "")}{(response.ErrorMessage is { } m ? ": " + m : "")}";

    private sealed record Push(string? Token, FlexPayOutcome Outcome, string? Error, bool Permanent)
    {
        public static Push Done(string? token) => new(token, FlexPayOutcome.Ok, null, false);

        public static Push Failed(string? token, FlexPayOutcome outcome, string error) => new(token, outcome, error, false);

        public static Push Refused(string? token, FlexPayOutcome outcome, string error) => new(token, outcome, error, true);
    }
}
